"""MkDocs hooks for both language configs (listed under `hooks:` in mkdocs.yml): each
event lists the build's steps, in order; the steps live in the notes package, by stage
(scripts/notes/__init__.py). MkDocs re-imports this file for every config it loads; the
package is imported once per process, so the Chinese and the English build share one
parse of each page and one execution cache."""

from pathlib import Path

from markdown.extensions.toc import slugify as default_slugify
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils.meta import get_data
from notes import (
    fences,
    footer,
    generated,
    html,
    languages,
    matrix,
    pages,
    prose,
    search,
    setup,
)
from notes.languages import DEFAULT_LANGUAGE, DOCS, language_of, site_root_path

log = get_plugin_logger("notes")


def _slugify(config):
    """The toc extension's slugify: the anchors of headings without an explicit id."""
    return config.mdx_configs.get("toc", {}).get("slugify", default_slugify)


def on_config(config):
    if language_of(config) == DEFAULT_LANGUAGE:  # a build (or a serve rebuild) starts
        pages.parse.cache_clear()
        search.patched_worker.cache_clear()
        matrix.recordings.cache_clear()
        matrix.content_key.cache_clear()
        matrix.fingerprint.cache_clear()
    languages.start(config)
    setup.pin_source_date()
    setup.key_the_notebook_cache(config)
    setup.run_python_fences(config)
    return config


@event_priority(100)  # before mkdocs-jupyter and the nav: the pages must exist by then
def on_files(files, *, config):
    """The API index, the search keywords and the notebooks; every snippet runs here."""
    generated.add_pages(files, config, _slugify(config))
    return files


def on_page_markdown(text, *, page, config, files):
    language = language_of(config)
    if page.file.src_uri.endswith(".ipynb"):
        # The chapter answers searches; its notebook copy would only crowd the results.
        page.meta["search"] = {"exclude": True}
        chapter = DOCS / language / (Path(page.file.src_uri).stem + ".md")
        meta = get_data(chapter.read_text(encoding="utf-8"))[1]
        page.meta["description"] = meta.get("description")
        return text
    if page.file.generated_by:  # the API index
        return text
    where = f"docs/{language}/{page.file.src_uri}"
    if page.file.content_string.startswith("---\n") and not page.meta:
        # MkDocs silently drops front matter that is not valid YAML (a ": " in a value)
        raise PluginError(f"{where}:1: front matter is not valid YAML")
    parsed = pages.same_blocks(page.file.src_uri, _slugify(config))[language]
    dates = matrix.check_dates(parsed, page.file.content_string, where)
    if dates:  # a version fact that the recorded runs contradict
        raise PluginError("\n".join(dates))
    prose.check_snippet_links(page.file.content_string, where)
    prose.check_no_remote_resources(page.file.content_string, where)
    fences.set_page(parsed, where, page.url, site_root_path(config))
    return prose.join_cjk_lines(text)


def on_page_content(text, *, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        text = html.notebook_headings(html.notebook_html(text), page, config)
    else:
        text = html.box_tables(html.lighten_code_blocks(text))
        text = html.break_api_names(text)
    text = html.snippet_links(text, site_root_path(config))
    text += footer.page_footer(page, language_of(config))
    where = f"docs/{language_of(config)}/{page.file.src_uri}"
    return html.math_as_mathml(text, where)


def on_env(env, *, config, files):
    setup.reuse_compiled_templates(env)
    config.extra["alternate"] = languages.alternates(config, "")  # 404.html: the homes
    return env


def on_page_context(context, *, page, config, nav):
    config.extra["alternate"] = languages.alternates(config, page.url)
    return context


def on_post_page(output, *, page, config):
    output = html.use_search_worker(output, page.file.src_uri)
    return html.name_search_dialog(output, page.file.src_uri, config)


def on_post_template(output, *, template_name, config):
    """404.html: MkDocs renders it as a template, not as a page."""
    if template_name != "404.html":
        return output
    output = html.use_search_worker(output, template_name)
    return html.name_search_dialog(output, template_name, config)


def on_post_build(*, config):
    language = language_of(config)
    try:
        count = search.finish(config.site_dir, generated.keywords[language], language)
    except ValueError as error:
        raise PluginError(str(error)) from None
    log.info(f"search ({language}): keywords for {count} sections")
    if language == DEFAULT_LANGUAGE:
        generated.publish_snippets(config.site_dir)
        languages.build_other_languages(config)
