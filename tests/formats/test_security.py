"""XML is untrusted input: no entity expansion, no file read, no network request,
no XInclude. Each attack is refused (or neutralised) with a clear error."""

from __future__ import annotations

import http.server
import threading
import time
from pathlib import Path

import pytest

import migterm
from migterm import FormatError

HEADER = '<header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="nl" datatype="plaintext"/>'


def tmx(tmp_path: Path, doctype: str, seg: str) -> Path:
    path = tmp_path / "attack.tmx"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n<tmx version="1.4">{HEADER}<body><tu>'
        f'<tuv xml:lang="nl"><seg>{seg}</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8",
    )
    return path


def tbx(tmp_path: Path, doctype: str, term: str, extra: str = "") -> Path:
    path = tmp_path / "attack.tbx"
    path.write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n{doctype}\n<tbx xmlns="urn:iso:std:iso:30042:ed-2" {extra} type="TBX-Basic" style="dca" xml:lang="en">'
        f'<tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader><text><body>'
        f'<conceptEntry id="c1"><langSec xml:lang="nl"><termSec><term>{term}</term></termSec></langSec></conceptEntry></body></text></tbx>\n',
        encoding="utf-8",
    )
    return path


LAUGHS = "<!DOCTYPE tmx [" + "".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10 if i else "lol"}">' for i in range(10)) + "]>"
QUADRATIC = '<!DOCTYPE tmx [<!ENTITY a "' + "x" * 100_000 + '">]>'


@pytest.mark.parametrize("make", [tmx, tbx])
@pytest.mark.parametrize("doctype, body", [(LAUGHS, "&l9;"), (QUADRATIC, "&a;" * 1000)], ids=["billion-laughs", "quadratic-blowup"])
def test_entity_expansion_is_refused(tmp_path, make, doctype, body):
    started = time.perf_counter()
    with pytest.raises(FormatError, match="entity declarations are refused|entity amplification factor exceeded"):
        migterm.read(make(tmp_path, doctype, body))
    assert time.perf_counter() - started < 2


@pytest.mark.parametrize("make", [tmx, tbx])
def test_an_external_entity_to_a_file_is_refused_and_the_file_not_read(tmp_path, make):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    path = make(tmp_path, f'<!DOCTYPE x [<!ENTITY s SYSTEM "{secret.as_uri()}">]>', "&s;")
    with pytest.raises(FormatError) as caught:
        migterm.read(path)
    assert "SECRET" not in str(caught.value)


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802
        _Recorder.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b'<!ENTITY s "FETCHED">')

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server():
    _Recorder.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.parametrize("make", [tmx, tbx])
def test_no_network_request_for_an_external_dtd_or_entity(tmp_path, make, local_server):
    with pytest.raises(FormatError, match="the entity reference &s; is not allowed"):
        migterm.read(make(tmp_path, f'<!DOCTYPE x SYSTEM "{local_server}/evil.dtd">', "&s;"))
    with pytest.raises(FormatError, match="entity declarations are refused"):
        migterm.read(make(tmp_path, f'<!DOCTYPE x [<!ENTITY s SYSTEM "{local_server}/entity">]>', "&s;"))
    assert _Recorder.requests == []


def test_xinclude_is_not_processed(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    include = f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{secret.as_uri()}" parse="text"/>'
    with pytest.raises(FormatError, match="<term> holds the element <include>"):
        migterm.read(tbx(tmp_path, "", f"terugkeer{include}"))
    with pytest.raises(FormatError, match="<seg> holds <include>, which is not TMX inline markup"):
        list(migterm.read_units(tmx(tmp_path, "", f"terugkeer{include}")))
