"""A stand-in for the YouTube Data API v3 `search.list`, for the browser suite.

    python tests/e2e/fake_youtube.py --port-file FILE [--log FILE]

Listens on 127.0.0.1 (a free port, written to --port-file once it is listening) and
answers GET /youtube/v3/search as Tests/MupicListenTestSupport's `echo` key does: one
official-audio upload whose title is the query (HTML-escaped, as the API sends titles)
and whose id is the first 11 characters of the base64url SHA-256 of the query. Any
other path is 404. Each query is appended to --log, one per line, so the suite can
count the searches `mupic serve` made.
"""

import argparse
import base64
import hashlib
import html
import json
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def echo_id(query):
    return base64.urlsafe_b64encode(hashlib.sha256(query.encode("utf-8")).digest()).decode()[:11]


def answer(query):
    return {
        "kind": "youtube#searchListResponse", "etag": "echo", "regionCode": "KR",
        "pageInfo": {"totalResults": 1, "resultsPerPage": 1},
        "items": [{
            "kind": "youtube#searchResult", "etag": "echo",
            "id": {"kind": "youtube#video", "videoId": echo_id(query)},
            "snippet": {
                "publishedAt": "2020-01-01T00:00:00Z", "channelId": "UCechoechoechoechoechoec",
                "title": html.escape(query, quote=True).replace("&#x27;", "&#39;") + " (Official Audio)",
                "description": "", "channelTitle": "Echo Records", "liveBroadcastContent": "none",
                "publishTime": "2020-01-01T00:00:00Z",
            },
        }],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port-file", required=True)
    parser.add_argument("--log")
    args = parser.parse_args()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urllib.parse.urlsplit(self.path)
            if url.path != "/youtube/v3/search":
                self.send_error(404)
                return
            query = urllib.parse.parse_qs(url.query).get("q", [""])[0]
            if args.log:
                with open(args.log, "a", encoding="utf-8") as log:
                    log.write(query + "\n")
            body = json.dumps(answer(query), ensure_ascii=False).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json; charset=UTF-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(args.port_file, "w", encoding="utf-8") as handle:
        handle.write(str(server.server_address[1]))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
