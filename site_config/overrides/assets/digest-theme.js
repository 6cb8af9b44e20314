{#- A theme template (mkdocs.yml: theme.static_templates), rendered once into site/assets/: what
    Material (9.8) puts inline on every page, as one file of the site, so that a page carries
    neither the palette toggle's markup nor an inline script (its Content-Security-Policy allows
    script-src 'self' only). partials/header.html loads it where the toggle goes. -#}
{%- set options = [] -%}
{%- if config.theme.palette and not config.theme.palette is mapping -%}
  {%- for option in config.theme.palette -%}
    {%- set _ = options.append({
      "media": option.media,
      "scheme": option.scheme | d("default", true) | replace(" ", "-"),
      "primary": option.primary | d("indigo", true) | replace(" ", "-"),
      "accent": option.accent | d("indigo", true) | replace(" ", "-"),
      "name": option.toggle.name if option.toggle else "",
      "icon": (option.toggle.icon.split("/") | last) if option.toggle else "",
    }) -%}
  {%- endfor -%}
{%- endif -%}
// Material's palette toggle (partials/palette.html): a radio input per scheme, each followed by the
// label that switches to the next, its icon drawn by digest.css (class i-NAME). Built before the
// page shows; Material's bundle, at the end of the page, makes it work.
(function (options) {
  if (!options.length) return;
  var script = document.currentScript, form = document.createElement("form");
  form.className = "md-header__option";
  form.setAttribute("data-md-component", "palette");
  options.forEach(function (option, index) {
    var input = document.createElement("input");
    input.className = "md-option";
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      input.setAttribute("data-md-color-" + key, option[key]);
    });
    if (option.name) input.setAttribute("aria-label", option.name);
    else input.setAttribute("aria-hidden", "true");
    input.type = "radio";
    input.name = "__palette";
    input.id = "__palette_" + index;
    form.appendChild(input);
    if (!option.name) return;
    var label = document.createElement("label");
    label.className = "md-header__button md-icon i i-" + option.icon;
    label.title = option.name;
    label.htmlFor = "__palette_" + (index + 1) % options.length;
    label.hidden = true;
    form.appendChild(label);
  });
  script.parentNode.insertBefore(form, script);
})({{ options | tojson }});
// Material's partials/javascripts/base.html: the storage helpers its bundle uses, scoped to the
// site's root (the folder above this file's; Material: base_url).
__md_scope=new URL("..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
// Material's partials/javascripts/palette.html: the reader's palette, restored before the page shows;
// on a first visit, the automatic one (Material's bundle chooses it only once the page has loaded).
var palette=__md_get("__palette")||document.querySelector("[data-md-color-media='(prefers-color-scheme)']")&&{color:{media:"(prefers-color-scheme)"}};if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}
