"""One site per language, from one mkdocs.yml.

The default language (first in `extra.alternate`) is built from docs/<lang> into the site root;
every other language from docs/<lang> into <site>/<lang>/. Each language has its own pages,
search index and sitemap. A page missing from a translation is taken from the default language
(the page shows a notice, added by the macros), and the language selector links each page to
the same page in the other languages.

- settings: a pass's MkDocs configuration, and its interface words;
- fallback: the default language's pages that fill gaps in a translation;
- navigation: translated section titles and the language selector's links;
- search_folding: accented words found without their accents.
"""
