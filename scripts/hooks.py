"""MkDocs hooks for both language configs (listed under `hooks:` in mkdocs.yml).

MkDocs re-imports this file for every config it loads, so the logic and its state
live in notes_site.py, a normal module imported once per process: the Chinese and
the English build then share one execution cache.
"""

from notes_site import (  # noqa: F401  (MkDocs looks the hooks up by name)
    on_config,
    on_env,
    on_files,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
)
