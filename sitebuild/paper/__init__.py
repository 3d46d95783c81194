"""The guide on paper: the browser's print, and the PDFs.

- print_page: the title, date and addresses that print.css shows on paper;
- pdf_links: each page's link to its PDF;
- pdf_files: the PDFs, made by the pdf/ package once every language is built.
"""
