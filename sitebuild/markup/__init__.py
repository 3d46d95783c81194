"""HTML that validators and assistive technology accept.

- valid_html: Material's markup made valid HTML without changing what it does;
- table_regions: tables written in Markdown get the focusable, scrolling box of data tables.
"""
