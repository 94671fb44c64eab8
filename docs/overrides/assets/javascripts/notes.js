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

// The light/dark toggle (partials/palette.html): the label shown belongs to the checked
// option and points at the next one. A change sets the scheme on <body> and is stored
// where Material keeps it, for the next page (partials/javascripts/palette.html).
// Transitions are off while the colours switch, as in Material.
const paletteForm = document.querySelector("[data-notes-palette]")
if (paletteForm) {
  const options = [...paletteForm.querySelectorAll("input")]
  paletteForm.addEventListener("change", (event) => {
    const input = event.target
    const color = {
      media: input.dataset.mdColorMedia,
      scheme: input.dataset.mdColorScheme,
      primary: input.dataset.mdColorPrimary,
      accent: input.dataset.mdColorAccent,
    }
    document.body.setAttribute("data-md-color-switching", "")
    for (const [key, value] of Object.entries(color)) {
      document.body.setAttribute(`data-md-color-${key}`, value)
    }
    __md_set("__palette", { index: options.indexOf(input), color })
    requestAnimationFrame(() => document.body.removeAttribute("data-md-color-switching"))
  })
  // Enter on the focused option switches, as in Material (arrow keys do natively).
  paletteForm.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target.checked) {
      const next = options[(options.indexOf(event.target) + 1) % options.length]
      next.click()
      next.focus()
    }
  })
}
