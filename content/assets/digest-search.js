// The Pagefind search box (site_config/overrides/partials/digest-search.html); ?q=WORDS searches at once.
// The index comes in shards (digest/publish/search_index.py): pagefind/ (actors and the newest month)
// and the bundles listed in pagefind/digest-bundles.js (window.DIGEST_SEARCH), merged here. A search
// covers the newest years' shards; "Search every year" (?all=1) adds the older ones, which cost a
// reader more to load.
var digestSiteRoot = new URL("../", document.currentScript.src);
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("digest-search");
  if (!box || !window.PagefindUI) return;
  var params = new URLSearchParams(window.location.search);
  var all = params.get("all") === "1";
  var shards = (window.DIGEST_SEARCH || { bundles: [] }).bundles;
  var searched = shards.filter(function (s) { return all || s.recent; });
  var ui = new PagefindUI({ element: "#digest-search", showSubResults: true, showImages: false,
                            resetStyles: false, autofocus: box.dataset.autofocus === "true",
                            mergeIndex: searched.map(function (s) {
                              return { bundlePath: new URL(s.path, digestSiteRoot).pathname };
                            }) });
  if (searched.length < shards.length) {
    var since = window.DIGEST_SEARCH.first;
    var note = document.createElement("p");
    note.className = "digest-search-scope";
    note.appendChild(document.createTextNode("Searching the latest two years. "));
    var link = document.createElement("a");
    link.href = "?all=1";
    link.textContent = "Search every year since " + since;
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var words = (box.querySelector("input") || {}).value;
      window.location.search = "?all=1" + (words ? "&q=" + encodeURIComponent(words) : "");
    });
    note.appendChild(link);
    box.parentNode.insertBefore(note, box.nextSibling);
  }
  var q = params.get("q");
  if (q) ui.triggerSearch(q);
});
