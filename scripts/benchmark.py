#!/usr/bin/env python3
"""Measure the site against its performance budget and print the figures.

    .venv/bin/python scripts/benchmark.py            # everything (a few minutes)
    .venv/bin/python scripts/benchmark.py --quick    # skip the full build, the scale run and Lighthouse

What it does:
1. times the HTML build of every language (CAT_GUIDE_QUICK=1) and the full publishing build
   (PDFs and offline copy included);
2. serves the build from a local static server that compresses text with gzip, as static
   hosts do, and loads pages in Debian's Chromium: bytes on the wire and requests for a first
   visit (empty cache) and for a later page of the same visit, and each page's frame (all but
   its own text: header, navigation, table of contents, footer, inline scripts), compressed;
3. reports each language's search index size (loaded only when the reader starts to search);
4. builds a copy of the project with 250, 500 and 1,000 generated extra pages, to show build
   time grows no faster than linearly;
5. runs Lighthouse (mobile) on three pages when `npx lighthouse` is available.

The budget (issue: quality gates) is checked at the end; the exit code is 1 when it is missed.
Figures go in BENCHMARKS.md by hand, with the command that produced them.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

# Issue 11: the page frame (everything but the page's own text, compressed) and a first visit.
# The earlier "every later page ≤ 8 KB" budget is withdrawn: the long pages' own text is the floor.
LANGUAGES = [alt["lang"] for alt in yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                                              Loader=yaml.BaseLoader)["extra"]["alternate"]]
BUDGET = {"first_visit_kb": 60, "frame_kb": 3.5, "html_build_s": 10, "full_build_s": 90, "scale_build_s": 30}
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


def build(project: Path, site: Path, quick: bool = True) -> float:
    """Seconds for `mkdocs build`; quick leaves out the PDFs and the offline copy (CAT_GUIDE_QUICK=1)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CAT_GUIDE_QUICK": "1" if quick else "0"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--clean", "-f", str(project / "mkdocs.yml"),
                    "-d", str(site)], cwd=project, env=env, check=True)
    return time.perf_counter() - start


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it (like GitHub Pages or Netlify)."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file()
                or path.suffix not in COMPRESSIBLE):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io
        return io.BytesIO(body)


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def transfer(page, url: str) -> tuple[int, int]:
    """(bytes on the wire, requests) for loading `url` in `page`, everything it fetches included."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    sizes: dict[str, int] = {}
    cdp.on("Network.loadingFinished", lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]))
    cdp.on("Network.requestServedFromCache", lambda e: sizes.__setitem__(e["requestId"], 0))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    cdp.detach()
    fetched = [n for n in sizes.values() if n > 0]
    return sum(fetched), len(fetched)


def site_pages(site: Path) -> list[str]:
    """Every published page, as a URL path ("", "qualify/torture-definition/", "es/", ...)."""
    paths = [p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")]
    return sorted(("" if p == "." else p + "/") for p in paths)


def measure_pages(site: Path) -> list[dict]:
    """First visit (empty cache) to every page, then the next page of the same language."""
    from playwright.sync_api import sync_playwright

    pages = site_pages(site)
    server, base = serve(site)
    rows = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for i, path in enumerate(pages):
                context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
                page = context.new_page()
                first, first_requests = transfer(page, base + path)
                same_language = [p for p in pages if language_of(p) == language_of(path) and p != path]
                later_path = same_language[i % len(same_language)]
                later, later_requests = transfer(page, base + later_path)
                rows.append({"page": "/" + path, "first_kb": first / 1024, "first_requests": first_requests,
                             "later_page": "/" + later_path, "later_kb": later / 1024, "later_requests": later_requests})
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return rows


def language_of(path: str) -> str:
    """'pt' for 'pt/qualify/...', the default language for a page at the site's root."""
    first = path.split("/", 1)[0]
    return first if first in LANGUAGES[1:] else LANGUAGES[0]


_TOC = re.compile(r'<ul class="md-nav__list" data-md-component="toc"[^>]*>.*?</ul>', re.S)


def frame_and_text(site: Path, page: str) -> tuple[float, float, float]:
    """KB, compressed as the server does, of a page's frame (all but <article>), of its text, and
    of its frame without the table of contents (the list of the page's own headings)."""
    html = (site / page.lstrip("/") / "index.html").read_text(encoding="utf-8")
    start, end = html.find("<article"), html.find("</article>") + len("</article>")
    size = lambda text: len(gzip.compress(text.encode(), 6)) / 1024  # noqa: E731
    frame = html[:start] + html[end:]
    return size(frame), size(html[start:end]), size(_TOC.sub("", frame))


def search_indexes(site: Path) -> dict[str, tuple[float, float]]:
    out = {}
    for index in sorted(site.rglob("search/search_index.json")):
        lang = index.parent.parent.relative_to(site).as_posix()
        raw = index.read_bytes()
        out[lang if lang != "." else "en"] = (len(raw) / 1024, len(gzip.compress(raw, 6)) / 1024)
    return out


def scale_run(counts=(250, 500, 1000)) -> list[tuple[int, float]]:
    """Build time with `count` generated extra English pages, added to the nav in sections of 50."""
    results = []
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import copy_project

    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            project = copy_project(Path(tmp) / "project")
            extra = project / "docs" / "en" / "scale"
            extra.mkdir()
            for i in range(count):
                (extra / f"page-{i}.md").write_text(
                    "---\ntitle: Scale page {0}\ndescription: A generated page.\naudience: advocate\n"
                    "last_reviewed: 2026-11-26\nsources: [cat-art-3]\n---\n\n# Scale page {0}\n\n"
                    "## Section {{ #section }}\n\nThe CAT protects people from return to torture. "
                    "See the [glossary](../reference/glossary.md#cat).\n".format(i), encoding="utf-8")
            config = (project / "mkdocs.yml").read_text(encoding="utf-8")
            # Grouped as a real site of this size would be: sections of 50 pages.
            config += "  - Scale:\n" + "".join(
                (f"      - Part {i // 50 + 1}:\n" if i % 50 == 0 else "")
                + f"          - scale/page-{i}.md\n" for i in range(count))
            (project / "mkdocs.yml").write_text(config, encoding="utf-8")
            ui = (project / "data" / "ui.yml").read_text(encoding="utf-8")
            every = lambda text: "{" + ", ".join(f"{lang}: {text}" for lang in LANGUAGES) + "}"  # noqa: E731
            parts = "".join(f"  Part {n}: {every(f'Part {n}')}\n" for n in range(1, count // 50 + 2))
            ui = ui.replace("\nnav:\n", f"\nnav:\n  Scale: {every('Scale')}\n" + parts, 1)
            (project / "data" / "ui.yml").write_text(ui, encoding="utf-8")
            results.append((count, build(project, Path(tmp) / "site")))
    return results


def lighthouse(site: Path) -> list[str]:
    npx = shutil.which("npx")
    if not npx or not (ROOT / "node_modules" / "lighthouse").is_dir():
        return ["Lighthouse is not installed (npm ci): skipped"]
    server, base = serve(site)
    lines = []
    try:
        for path in ["", "qualify/torture-definition/", "es/evidence/declaration/", "pt/process/appeals/",
                     "ht/situations/detained/"]:
            out = subprocess.run(
                [npx, "--no-install", "lighthouse", base + path, "--quiet", "--output=json", "--output-path=stdout",
                 "--form-factor=mobile", "--only-categories=performance,accessibility,best-practices,seo",
                 "--chrome-flags=" + " ".join(CHROMIUM_ARGS)],
                cwd=ROOT, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
            if out.returncode != 0:
                lines.append(f"/{path}: Lighthouse failed: {out.stderr.strip()[-300:]}")
                continue
            report = json.loads(out.stdout)
            scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
            lines.append(f"/{path}: " + ", ".join(f"{k} {v}" for k, v in scores.items()))
    finally:
        server.shutdown()
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the full build, the scale run and Lighthouse")
    args = parser.parse_args()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        seconds = build(ROOT, site)
        print(f"HTML build, all languages: {seconds:.1f} s (budget {BUDGET['html_build_s']} s)")
        if seconds > BUDGET["html_build_s"]:
            failures.append("HTML build time")
        if not args.quick:
            full = build(ROOT, Path(tmp) / "full", quick=False)
            print(f"Full publishing build (PDFs and offline copy): {full:.1f} s (budget {BUDGET['full_build_s']} s)")
            if full > BUDGET["full_build_s"]:
                failures.append("full build time")

        print("\n| Page | First visit (KB) | Requests | Later page | Later (KB) | Requests |")
        print("|---|---:|---:|---|---:|---:|")
        rows = measure_pages(site)
        for row in rows:
            print(f"| {row['page']} | {row['first_kb']:.1f} | {row['first_requests']} | {row['later_page']} "
                  f"| {row['later_kb']:.1f} | {row['later_requests']} |")
            if row["first_kb"] > BUDGET["first_visit_kb"]:
                failures.append(f"first visit to {row['page']}")
        worst_first = max(rows, key=lambda r: r["first_kb"])
        worst_later = max(rows, key=lambda r: r["later_kb"])
        firsts = [r["first_kb"] for r in rows]
        print(f"\n{len(rows)} pages. First visit: {min(firsts):.1f}–{max(firsts):.1f} KB, average "
              f"{sum(firsts) / len(firsts):.1f} KB (largest {worst_first['page']}); largest later page: "
              f"{worst_later['later_kb']:.1f} KB ({worst_later['later_page']})")

        # What the site controls on every page (the frame) and what the page's text weighs.
        split = {row["page"]: frame_and_text(site, row["page"]) for row in rows}
        frames = {page: f for page, (f, _t, _n) in split.items()}
        bare = {page: n for page, (_f, _t, n) in split.items()}
        heaviest = max(frames, key=frames.get)
        over = [page for page, frame in frames.items() if frame > BUDGET["frame_kb"]]
        print(f"Page frame, compressed: {min(frames.values()):.2f}–{max(frames.values()):.2f} KB "
              f"(budget {BUDGET['frame_kb']} KB; heaviest {heaviest}; {len(over)} of {len(frames)} over). "
              f"Without the table of contents: {min(bare.values()):.2f}–{max(bare.values()):.2f} KB. Over budget:")
        for page, frame in sorted(frames.items(), key=lambda item: -item[1]):
            if frame > BUDGET["frame_kb"]:
                print(f"  {page}: frame {frame:.2f} KB ({bare[page]:.2f} KB without the table of contents), "
                      f"text {split[page][1]:.1f} KB")
                failures.append(f"frame of {page}")
        print("\nSearch index (loaded when the reader starts to search):")
        for lang, (raw, packed) in search_indexes(site).items():
            print(f"  {lang}: {raw:.0f} KB, {packed:.0f} KB compressed")

        if not args.quick:
            print("\nScale run (extra generated pages → build time):")
            runs = scale_run()
            for count, secs in runs:
                print(f"  {count:5d} pages: {secs:.1f} s")
            if runs[-1][1] > BUDGET["scale_build_s"]:
                failures.append("1,000-page scale build time")
            # Linear growth: each extra page costs about the same time at 1,000 pages as at 250
            # (the slope between runs, so the fixed cost of the guide's own pages cancels out).
            slopes = [(n2, (t2 - t1) / (n2 - n1)) for (n1, t1), (n2, t2) in zip(runs, runs[1:])]
            print("  seconds per extra page: " + ", ".join(f"{s:.4f} up to {n}" for n, s in slopes))
            if slopes[-1][1] > slopes[0][1] * 1.25:
                failures.append("build time grows faster than linearly")
            print("\nLighthouse (mobile):")
            for line in lighthouse(site):
                print("  " + line)

    print("\nBudget: " + ("met" if not failures else "MISSED: " + "; ".join(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
