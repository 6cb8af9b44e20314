// The Pagefind search box (site_config/overrides/partials/digest-search.html); ?q=WORDS searches at once.
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("digest-search");
  if (!box || !window.PagefindUI) return;
  var ui = new PagefindUI({ element: "#digest-search", showSubResults: true, showImages: false,
                            resetStyles: false, autofocus: box.dataset.autofocus === "true" });
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) ui.triggerSearch(q);
});
