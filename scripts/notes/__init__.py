"""The build of the bilingual, executed site, by stage (scripts/hooks.py calls them in
order from MkDocs' events):

    languages   which languages, where each is served, the same page in the other one
    setup       reproducible dates, the notebook cache, our fence formatter
    pages       each page parsed once into a Page: title, executed blocks, sections
    prose       checks and passes on a page's Markdown
    execution   every snippet run once per build, alone, in parallel (processes)
    fences      executed fences rendered: code, output, figure, snippet and API links
    generated   the API index (api_index), the search keywords, the notebooks (notebooks)
    html        HTML passes: math, notebook pages, code blocks, tables, search dialog
    footer      the page footer
    search      keywords in the search index, the search worker (search_worker.js)
    strings     every sentence the build writes, in each language
"""
