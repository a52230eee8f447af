"""`hearth demo` on a real SQLite file, served by a real server: none of what
the demo members wrote is found in the database, its WAL or the server log."""

from __future__ import annotations

import glob
import http.cookiejar
import re
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from hearth.demo import story
from tests.live import live_hearth


def _open(
    opener: urllib.request.OpenerDirector, url: str, data: dict[str, str] | None = None
) -> str:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    request = urllib.request.Request(url, data=body, headers={"Referer": url})
    try:
        with opener.open(request, timeout=30) as response:
            return str(response.read().decode())
    except urllib.error.HTTPError as error:
        return str(error.read().decode())


@pytest.mark.sqlite_only
def test_it_keeps_every_demo_text_out_of_the_disk_and_the_logs(tmp_path: Path, db: None) -> None:
    # The demo's history comes from a seeded generator, so building it here
    # tells us every text the server's own `hearth demo` wrote.
    written = story.build()
    assert len(written) >= len(story.DEMO_TEXTS)
    with live_hearth(tmp_path) as hearth:
        first = hearth.hearth("demo")
        assert first.returncode == 0, first.stderr
        assert "The demo is ready." in first.stdout
        assert story.FIRST.email in first.stdout and story.PASSWORD in first.stdout
        second = hearth.hearth("demo")  # safe to run twice
        assert second.returncode == 0 and "already here" in second.stdout

        jar = http.cookiejar.CookieJar()
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        login_page = _open(browser, f"{hearth.url}/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login_page)
        assert token
        home = _open(
            browser,
            f"{hearth.url}/accounts/login/",
            {
                "csrfmiddlewaretoken": token.group(1),
                "login": story.FIRST.email,
                "password": story.PASSWORD,
            },
        )
        # The member sees their space and both names, decrypted.
        assert f"Hello, {story.FIRST.name}" in home
        assert story.COUPLE_SPACE.replace("&", "&amp;") in home
        spaces = _open(browser, f"{hearth.url}/spaces/")
        assert story.FAMILY_SPACE in spaces
        # Something for the logs to talk about: a bad link and a missing page.
        _open(browser, f"{hearth.url}/join/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/")
        _open(browser, f"{hearth.url}/nowhere/")
        log = hearth.log()

    files = [f for f in glob.glob(str(tmp_path / "hearth.sqlite3*")) if Path(f).is_file()]
    assert files
    disk = b"".join(Path(f).read_bytes() for f in files)
    assert story.FIRST.email.encode() in disk  # the scan really reads the database
    # Short words (a name, "ok") could appear by chance; anything of 4+ letters
    # in a 100 KB+ database can't, and names are covered by DEMO_TEXTS.
    for text in {t for t in written if len(t) >= 4}:
        assert text.encode() not in disk, text
        assert text not in log, text
    assert "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" not in log
