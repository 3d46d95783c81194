"""Let WeasyPrint read the site's own files, from disk, and nothing else.

Pages are rendered at their public address (so that links in the PDF point at the published
site), and WeasyPrint would fetch any stylesheet, image or font they name from the network.
This fetcher answers an address under a language's public address with the file from that
language's site folder, and `data:` URLs from themselves; it refuses everything else, and a
refused address stops the build instead of leaving a silent gap in a PDF.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse


class SiteFilesOnly(URLFetcher):
    def __init__(self, roots: dict[str, Path]):
        """`roots`: public address of a site folder (ending in '/') -> that folder on disk."""
        super().__init__(allowed_protocols=("https", "http", "data"), fail_on_errors=True)
        # Longest first: '/cat-guide/es/' must win over '/cat-guide/'.
        self.roots = sorted(((url, Path(folder).resolve()) for url, folder in roots.items()),
                            key=lambda item: len(item[0]), reverse=True)

    def local_path(self, url: str) -> Path | None:
        """The file on disk for `url`, or None if `url` is not a file of the site."""
        address = url.split("#", 1)[0].split("?", 1)[0]
        for root_url, folder in self.roots:
            if address.startswith(root_url):
                path = (folder / unquote(address[len(root_url):])).resolve()
                if path.is_dir():
                    path = path / "index.html"
                if path.is_relative_to(folder) and path.is_file():
                    return path
                return None
        return None

    def fetch(self, url, headers=None):
        if urlsplit(url).scheme == "data":
            return super().fetch(url, headers)  # decoded in memory: no request
        path = self.local_path(url)
        if path is None:
            raise ValueError(f"not a file of this site, not fetched: {url}")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": mime})
