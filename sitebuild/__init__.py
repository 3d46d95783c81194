"""The site's build, run by MkDocs through its one hook (hooks/build.py).

- steps: every step of the build, in the order they run;
- passes: what a build makes (`Build`, one `BuildPass` per language and copy) and whether it
  makes the slow extras;
- rewrite: the one loop that reads, changes and writes back built files;
- languages/: one site per language from one mkdocs.yml;
- markup/: Material's and Markdown's HTML made valid and accessible;
- page_weight/: fewer and smaller files for a reader on a slow, metered connection;
- hosting/: nothing loaded from other hosts, the security policy, and the files a host reads;
- paper/: print addresses, PDF links and the PDFs (made by the pdf/ package);
- offline_copy: the zip of the guide to read from disk.
"""
