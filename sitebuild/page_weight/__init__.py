"""Fewer and smaller files for a reader on a slow, metered connection.

- whitespace: the built HTML without its indentation;
- icon_sprite: the page frame's icons from one cached file;
- search_languages: only the search-language files the site's languages need;
- lazy_search: search loads when the reader starts to search;
- css_pruning: the CSS rules no page can use, left out (runtime_classes: those Material's script
  adds after load, kept);
- material_config: Material's settings for its script, written compactly;
- fewer_requests: one stylesheet per page, the guide's script inside the early one;
- early_script: Material's inline scripts, the guide's and the loader of Material's, in one cached file;
- script_on_demand: Material's script loads when the reader first needs it.
"""
