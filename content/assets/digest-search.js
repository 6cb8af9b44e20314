// The Pagefind search box (site_config/overrides/partials/digest-search.html); ?q=WORDS searches at once.
// The index comes in shards (digest/publish/search_index.py): pagefind/ and the bundles listed in
// pagefind/digest-bundles.js (window.DIGEST_BUNDLES, paths from the site's root), merged here.
var digestSiteRoot = new URL("../", document.currentScript.src);
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("digest-search");
  if (!box || !window.PagefindUI) return;
  var merged = (window.DIGEST_BUNDLES || []).map(function (bundle) {
    return { bundlePath: new URL(bundle, digestSiteRoot).pathname };
  });
  var ui = new PagefindUI({ element: "#digest-search", showSubResults: true, showImages: false,
                            resetStyles: false, autofocus: box.dataset.autofocus === "true",
                            mergeIndex: merged });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
});
