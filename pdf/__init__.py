"""PDFs of the guide's sections and handouts, made by the build (sitebuild/paper/).

- plan: which PDFs there are, and which one each page links to;
- fetcher: lets WeasyPrint read the site's own files and nothing else;
- svg: gives inline drawings the styles WeasyPrint would not apply to them;
- render: turns built pages into PDF files with WeasyPrint.
"""
