#!/usr/bin/env python3
"""Checks one report.html as Chromium rendered it (its DOM after load) and printed it.

Fails, naming the reason, when: the verdict text is missing; a figure has no SVG or its SVG
has no drawn path; a table has no header cell; the page refers to anything outside itself
(http/https, protocol-relative URLs, scripts, stylesheets, fonts, images, iframes) or the
browser's network log shows a request from the page; the PDF's
page count is outside the expected range; or a figure is split across pages (its caption
and its note are not on the same printed page).
"""
import argparse, re, sys
from html.parser import HTMLParser


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.figures = []          # per figure: {svg, paths, caption, note}
        self.tables = []           # per table: number of th
        self.external = []
        self.stack = []
        self.fig = None
        self.capture = None
        self.text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for k, v in attrs:
            if v and re.search(r'(https?:)?//', v) and k in ("src", "href", "xlink:href", "srcset", "action", "data", "poster"):
                self.external.append(f"<{tag} {k}={v}>")
        if tag in ("script", "iframe", "img", "object", "embed", "link", "video", "audio"):
            self.external.append(f"<{tag}>")
        if tag == "figure":
            self.fig = {"svg": 0, "paths": 0, "caption": "", "note": ""}
            self.figures.append(self.fig)
        if self.fig is not None:
            if tag == "svg":
                self.fig["svg"] += 1
            if tag == "path" and re.search(r'[MmLlHhVvZz]', a.get("d", "")) and len(a.get("d", "")) > 3:
                self.fig["paths"] += 1
            if tag == "figcaption":
                self.capture = "caption"
            if tag == "p" and "note" in a.get("class", ""):
                self.capture = "note"
        if tag == "table":
            self.tables.append(0)
        if tag == "th" and self.tables:
            self.tables[-1] += 1

    def handle_endtag(self, tag):
        if tag == "figure":
            self.fig = None
        if tag in ("figcaption", "p"):
            self.capture = None

    def handle_data(self, data):
        self.text.append(data)
        if self.fig is not None and self.capture:
            self.fig[self.capture] += data


def words(s):
    return " ".join(s.split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dom", required=True)
    ap.add_argument("--html", required=True)
    ap.add_argument("--verdict", required=True)
    ap.add_argument("--pdf-text", required=True)
    ap.add_argument("--pages", type=int, required=True)
    ap.add_argument("--min-pages", type=int, required=True)
    ap.add_argument("--max-pages", type=int, required=True)
    ap.add_argument("--kind", required=True)
    ap.add_argument("--netlog", help="Chromium's --log-net-log of the page load")
    a = ap.parse_args()
    problems = []
    p = Page()
    p.feed(open(a.dom, encoding="utf-8").read())
    raw = open(a.html, encoding="utf-8").read()
    text = words(" ".join(p.text))
    if not re.search(a.verdict, text):
        problems.append(f"verdict text /{a.verdict}/ not on the page")
    if not p.figures:
        problems.append("no figures")
    for i, f in enumerate(p.figures):
        if f["svg"] == 0:
            problems.append(f"figure {i + 1} ({words(f['caption'])}) has no SVG")
        elif f["paths"] == 0:
            problems.append(f"figure {i + 1} ({words(f['caption'])}) has an SVG with no drawn path")
    for i, th in enumerate(p.tables):
        if th == 0:
            problems.append(f"table {i + 1} has no header cells")
    if p.external:
        problems.append("refers outside the file: " + ", ".join(sorted(set(p.external))[:5]))
    for pattern in (r'https?://', r'url\(', r'@import', r'<script', r'@font-face'):
        if re.search(pattern, raw, re.I):
            problems.append(f"the file contains {pattern}")
    if a.netlog:
        # Every URL the browser asked for while loading the page, less Chromium's own
        # background services (update checks, sign-in, spelling dictionaries).
        own = re.compile(r'^https?://([a-z0-9-]+\.)*(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)[/:]')
        urls = set(re.findall(r'"url":"([^"]+)"', open(a.netlog, encoding="utf-8", errors="replace").read()))
        fetched = sorted(u for u in urls if not u.startswith(("file:", "data:", "about:", "chrome")) and not own.match(u))
        if fetched:
            problems.append("network requests: " + ", ".join(fetched[:5]))
    if not (a.min_pages <= a.pages <= a.max_pages):
        problems.append(f"{a.pages} printed pages, expected {a.min_pages} to {a.max_pages}")
    # A figure split across pages puts its caption and its note on different pages.
    pages = [words(t) for t in open(a.pdf_text, encoding="utf-8", errors="replace").read().split("\f")]
    for f in p.figures:
        cap, note = words(f["caption"]), words(f["note"])[:60]
        if not cap or not note:
            continue
        on = [i for i, t in enumerate(pages) if cap in t]
        if not on:
            problems.append(f"figure '{cap}' is not in the printed PDF")
        elif not any(note in pages[i] for i in on):
            problems.append(f"figure '{cap}' is split across printed pages (caption on page {on[0] + 1}, its note elsewhere)")
    status = "FAIL" if problems else "PASS"
    print(f"{status} {a.kind}: {len(p.figures)} figures, {len(p.tables)} tables, {a.pages} printed pages"
          + "".join(f"\n    {x}" for x in problems))
    return 1 if problems else 0


sys.exit(main())
