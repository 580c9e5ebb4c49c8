"""Scraping through the main job: a real HTTP server on 127.0.0.1 serving a two-page column of 55
articles plus failing URLs; the real flow and CLI fetch it, and a re-run sends conditional requests."""
import json
import subprocess
import sys

import pytest

from conftest import ROOT
from flows.ingest import run_ingest
from httpserver import LocalSite, add_column, flaky
from pipeline.query import query

FAST = {"min_interval": 0.0, "backoff": 0.01, "max_backoff": 0.05, "read_timeout": 2.0}


def cli(*args):
    p = subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True, text=True,
                       timeout=300)
    assert p.returncode == 0, p.stdout + p.stderr
    return p.stdout


def test_column_fetched_once_then_conditionally(tmp_path):
    out = tmp_path / "out"
    with LocalSite() as site:
        articles = add_column(site, n_articles=55, per_page=30)
        site.add("/gone.html", "<html>gone</html>", status=404)
        site.add("/broken.html", "<html>oops</html>", status=500)
        col = site.url("/col/index.html")
        args = ["run", col, site.url("/gone.html"), site.url("/broken.html"), "--allow-private",
                "--min-interval", "0", "--out", str(out), "--quiet"]
        cli(*args)
        assert site.count("/col/index_1.html") >= 1  # pagination followed
        assert [site.count(p) for p in articles] == [1] * len(articles)  # every article exactly once
        n_docs = json.loads(cli("query", "--out", str(out), "--format", "json",
                                "select count(*) as n from documents where status = 'ok'"))["n"]
        assert n_docs == 55
        errors = dict(json.loads(l).values() for l in cli(
            "query", "--out", str(out), "--format", "json",
            "select source, error from documents where status = 'error'").splitlines())
        assert "404" in errors[site.url("/gone.html")]
        assert "500" in errors[site.url("/broken.html")]

        site.reset_log()
        cli(*args)
        for p in articles:
            reqs = site.requests_for(p)
            assert len(reqs) == 1 and reqs[0].status == 304  # conditional, nothing re-sent in full
            assert "if-none-match" in reqs[0].headers
        assert json.loads(cli("query", "--out", str(out), "--format", "json",
                              "select count(*) as n from documents"))["n"] == 57  # no duplicates


def test_flaky_server_recovers_through_retries(tmp_path):
    with LocalSite() as site:
        flaky(site, "/flaky.html", failures=2)
        s = run_ingest([site.url("/flaky.html")], out=str(tmp_path), allow_private=True, fetch_settings=FAST)
        assert s.statuses == {"ok": 1}
        assert site.count("/flaky.html") == 3  # two 503s, then the page
    assert query(tmp_path, "select count(*) from indicators where value = 999")[1][0][0] >= 0


def test_private_address_refused_without_flag(tmp_path):
    with LocalSite() as site:
        site.add("/a.html", "<html><body><p>受理案件12件</p></body></html>")
        s = run_ingest([site.url("/a.html")], out=str(tmp_path), fetch_settings=FAST)
        assert s.statuses == {"error": 1}
        assert site.count("/a.html") == 0
        (err,) = [f[2] for f in s.failures]
        assert "loopback" in err or "private" in err
