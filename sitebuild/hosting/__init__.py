"""Security and hosting: what the site may load, and the files a static host reads.

- bundle_privacy: addresses of other hosts in Material's scripts made inert
  (tests/test_privacy.py scans the whole built site for any that are left);
- csp: the Content-Security-Policy, in each page and for the host;
- host_files: `_headers`, robots.txt and .nojekyll;
- sitemaps: each language's sitemap names the page's other languages;
- redirects: pages at the old addresses of moved pages.
"""
