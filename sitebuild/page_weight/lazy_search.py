"""Load search only when the reader starts to search.

Material starts its search worker and downloads the whole search index on every page
view. Readers on metered data who never search would pay for both (the index is the
largest file of the site). Two small edits to Material's bundle change that:

- the index is fetched when the search box is opened or focused, the same rule Material
  itself uses for pages opened from disk (file://);
- the worker script is started on the first message sent to it (the index), not at load.

Pages opened from disk (the offline copy, sitebuild/offline_copy.py) cannot start a Web Worker:
Chromium refuses workers from file:// URLs. There the same worker script runs in a hidden
iframe of the page instead, with the few worker functions it uses (postMessage, importScripts)
stood in for. Material's own offline plugin loads a shim from another host for this; this one
is part of the site's own bundle.

Material is pinned in requirements.txt. If an upgrade changes the code these edits look for,
the build fails here rather than silently loading search eagerly again.
"""

from __future__ import annotations

import os
import re

from mkdocs.exceptions import PluginError

from ..passes import BuildPass
from ..rewrite import rewrite_files

# Material: `L($(location.protocol!=="file:"),Je("search"))` - load now on http(s), else on open.
_EAGER_INDEX = re.compile(r'\$\(location\.protocol!=="file:"\)')
_ON_OPEN_ONLY = "$(!1)"

# Material: `function Mn(e,t=new Worker(e))` - the worker is created with the page.
_EAGER_WORKER = re.compile(r"(function \w+\((\w+),\w+=)new Worker\(\2\)\)")

# For file:// pages: the worker script runs in a hidden, script-made iframe (about:blank, so it
# shares the page's origin and Content-Security-Policy and loads only the site's own files). The
# iframe gives the script a global scope of its own, as a worker has. Messages go both ways as
# "message" events, asynchronously as with a worker. importScripts resolves paths against the
# worker's address, as in a worker, and returns a promise, which Material's worker awaits.
FRAME_WORKER = (
    "function catGuideFrameWorker(u){u=new URL(u,document.baseURI).href;"
    "var out=new EventTarget(),f=document.createElement(\"iframe\");"
    "f.hidden=!0;f.tabIndex=-1;f.setAttribute(\"aria-hidden\",\"true\");document.body.appendChild(f);"
    "var g=f.contentWindow,d=g.document;"
    "function load(s){return new Promise(function(ok,no){var e=d.createElement(\"script\");e.src=new URL(s,u).href;"
    "e.onload=ok;e.onerror=function(){no(new Error(\"Cannot load \"+e.src))};d.head.appendChild(e)})}"
    "g.importScripts=function(){return[].slice.call(arguments).reduce(function(p,s){"
    "return p.then(function(){return load(s)})},Promise.resolve())};"
    "g.postMessage=function(m){setTimeout(function(){out.dispatchEvent(new MessageEvent(\"message\",{data:m}))})};"
    "var ready=load(u);"
    "return{addEventListener:out.addEventListener.bind(out),removeEventListener:out.removeEventListener.bind(out),"
    "postMessage:function(m){ready.then(function(){g.dispatchEvent(new g.MessageEvent(\"message\",{data:m}))})}}}\n"
)

# A stand-in with the three methods Material uses; it starts the real worker on the first
# postMessage and hands it the listeners registered so far.
LAZY_WORKER = (
    "function catGuideLazyWorker(u){var w=null,l=[];return{"
    "addEventListener:function(t,f,o){l.push([t,f,o]);if(w)w.addEventListener(t,f,o)},"
    "removeEventListener:function(t,f,o){l=l.filter(function(x){return x[0]!==t||x[1]!==f});"
    "if(w)w.removeEventListener(t,f,o)},"
    "postMessage:function(m){if(!w){w=location.protocol===\"file:\"?catGuideFrameWorker(u):new Worker(u);"
    "l.forEach(function(x){w.addEventListener(x[0],x[1],x[2])})}w.postMessage(m)}}}\n"
    + FRAME_WORKER
)


def make_lazy(bundle: str) -> str:
    """Material's bundle with search loaded on demand; fails if Material's code is not found."""
    if "catGuideLazyWorker" in bundle:
        return bundle
    if len(_EAGER_INDEX.findall(bundle)) != 1 or len(_EAGER_WORKER.findall(bundle)) != 1:
        raise PluginError("sitebuild/page_weight/lazy_search.py: Material's search start-up code was not found; "
                          "check the patterns against the new version of Material")
    bundle = _EAGER_INDEX.sub(lambda m: _ON_OPEN_ONLY, bundle)
    bundle = _EAGER_WORKER.sub(lambda m: f"{m.group(1)}catGuideLazyWorker({m.group(2)}))", bundle)
    strict = '"use strict";'
    if bundle.startswith(strict):  # keep the directive first, or the bundle loses strict mode
        return strict + LAZY_WORKER + bundle[len(strict):]
    return LAZY_WORKER + bundle



def patch_bundle(p: BuildPass) -> None:
    rewrite_files(os.path.join(p.site_dir, "assets", "javascripts"), "bundle.*.js", make_lazy)
