// Accessibility of markup that Material's JavaScript adds after load (axe-core finds
// both; tests/test_audit.py): a table too wide for the screen scrolls inside a wrapper,
// which must take keyboard focus; the copy button of each code block sits in an
// unnamed <nav>, which made every code block a navigation landmark.
function fixMarkup(root) {
  for (const wrapper of root.querySelectorAll(".md-typeset__scrollwrap")) {
    wrapper.tabIndex = 0
  }
  for (const nav of root.querySelectorAll("nav.md-code__nav")) {
    nav.setAttribute("role", "none")
  }
}

fixMarkup(document)
new MutationObserver(() => fixMarkup(document)).observe(document.body, {
  childList: true,
  subtree: true,
})
