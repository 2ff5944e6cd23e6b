"""Static text (the widget, the desk's script and style) sent gzip-compressed to clients that accept
it. Each file is compressed once, at startup or on its first request, and kept: compressing the
widget on every request would cost milliseconds for the same bytes each time. The API's JSON is not
touched here (its pages are cached as they are sent, with their own ETags)."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

from starlette.datastructures import Headers
from starlette.responses import FileResponse, Response
from starlette.staticfiles import NotModifiedResponse, StaticFiles
from starlette.types import Scope

COMPRESSIBLE = frozenset({".js", ".css", ".html", ".svg", ".json", ".txt", ".map"})
VARY = "Accept-Encoding"


def gzipped(data: bytes) -> bytes:
    """`data` compressed the same way every time (no timestamp), at the highest level."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding header lets gzip through (`gzip` or `*` with a quality above 0)."""
    allowed: dict[str, bool] = {}
    for part in accept_encoding.lower().split(","):
        coding, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if coding.strip():
            allowed[coding.strip()] = quality > 0
    return allowed.get("gzip", allowed.get("x-gzip", allowed.get("*", False)))


def gzip_etag(etag: str) -> str:
    """The ETag of the compressed form of a representation tagged `etag` (a different one: the bytes differ)."""
    return etag[:-1] + '-gz"' if etag.endswith('"') else etag + "-gz"


def matches(if_none_match: str, etag: str) -> bool:
    """Whether an If-None-Match header names `etag` (weak or strong) or is `*`."""
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag.removeprefix("W/") in tags


class CompressedStatic(StaticFiles):
    """StaticFiles that answers text files with their gzip form when the client accepts it, with its
    own ETag, `Content-Encoding: gzip` and `Vary: Accept-Encoding`; range requests get the plain file."""

    def __init__(self, *, directory: str | os.PathLike[str]) -> None:
        super().__init__(directory=directory)
        self._gzipped: dict[str, tuple[str, bytes]] = {}  # real path -> (plain ETag, gzip bytes)
        for path in Path(directory).iterdir():
            if path.is_file() and path.suffix in COMPRESSIBLE:
                self._compressed(os.path.realpath(path), FileResponse(path, stat_result=path.stat()).headers["etag"])

    def _compressed(self, full_path: str, etag: str) -> bytes:
        kept = self._gzipped.get(full_path)
        if kept is None or kept[0] != etag:  # new, or changed on disk since
            kept = (etag, gzipped(Path(full_path).read_bytes()))
            self._gzipped[full_path] = kept
        return kept[1]

    def file_response(self, full_path: str | os.PathLike[str], stat_result: os.stat_result, scope: Scope,
                      status_code: int = 200) -> Response:
        if status_code != 200 or Path(full_path).suffix not in COMPRESSIBLE:
            return super().file_response(full_path, stat_result, scope, status_code)
        request = Headers(scope=scope)
        plain = FileResponse(full_path, stat_result=stat_result, headers={"vary": VARY})
        if "range" in request or not accepts_gzip(request.get("accept-encoding", "")):
            return NotModifiedResponse(plain.headers) if self.is_not_modified(plain.headers, request) else plain
        body = self._compressed(os.fspath(full_path), plain.headers["etag"])
        headers = {"etag": gzip_etag(plain.headers["etag"]), "last-modified": plain.headers["last-modified"],
                   "content-encoding": "gzip", "vary": VARY}
        response = Response(body, media_type=plain.media_type, headers=headers)
        return NotModifiedResponse(response.headers) if self.is_not_modified(response.headers, request) else response
