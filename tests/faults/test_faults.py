"""Fault injection: the commands under hostile input and failing surroundings. Each
case asserts the message, the exit status, and that nothing was lost or replaced.
Large inputs are generated here, sized to run in seconds; memory is measured as
the child's peak resident set, under an address-space ceiling."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import migterm
from migterm import glossary

from ..conftest import GLOSSARY, REPO

CEILING = 1 << 30  # bytes of address space: a command that needs more is killed, and the test fails


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CEILING, CEILING))


def run(*args: str | Path, cwd: Path | None = None, stdout=subprocess.PIPE, env: dict[str, str] | None = None,
        ceiling: bool = True) -> tuple[int, str, str, float]:
    """Exit status, stdout and stderr of `migterm ARGS` (and 0.0, where `peak` gives the memory)."""
    process = subprocess.Popen([sys.executable, "-m", "migterm", *map(str, args)], stdout=stdout, stderr=subprocess.PIPE,
                               cwd=cwd, env=env, preexec_fn=_limit if ceiling else None)
    out, err = process.communicate(timeout=300)
    return process.returncode, (out or b"").decode("utf-8", "replace"), err.decode("utf-8", "replace"), 0.0


# The child reports its own high-water mark: the peak of the process after it started,
# which ru_maxrss is not (it keeps the forking parent's, and pytest's is large).
_MEASURED = """
import atexit, sys
def report(path=sys.argv.pop(1)):
    with open("/proc/self/status") as status, open(path, "w") as out:
        out.write(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
atexit.register(report)
from migterm.cli import main
main()
"""


def peak(*args: str | Path, cwd: Path | None = None) -> tuple[int, float]:
    """Exit status and peak RSS (MB) of one run of `migterm ARGS`, its output discarded."""
    import tempfile

    with tempfile.NamedTemporaryFile("r", suffix=".hwm") as report:
        process = subprocess.run([sys.executable, "-c", _MEASURED, report.name, *map(str, args)], stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, cwd=cwd, preexec_fn=_limit, timeout=300)
        return process.returncode, int(report.read()) / 1024


def one_line(code: int, out: str, err: str) -> None:
    assert err.count("\n") == 1 and err.startswith("migterm: ") and "Traceback" not in err, err
    assert code == 2


# -- 1 and 2: memory bounded by the unit of work, not the input -----------------------------

@pytest.mark.parametrize("word", ["asiel" * 8000, "asiel" * 400_000])
def test_a_long_word_costs_its_length_not_its_square(tmp_path, word):
    path = tmp_path / "word.txt"
    path.write_text(word + "\n", encoding="utf-8")
    code, rss = peak("scan", path)
    assert code == 1 and rss < 120, rss


def test_lookup_of_a_very_long_word_answers_at_once(tmp_path):
    code, out, err, _ = run("lookup", "asiel" * 10_000)
    assert code == 1 and len(err) < 200 and err.startswith("migterm: no term matches 'asielasiel")


@pytest.mark.parametrize("command", ["scan", "segment", "mine"])
def test_memory_does_not_grow_with_the_input_at_10x_and_100x(tmp_path, command):
    """A text on one line, and the same text with line breaks, at three sizes."""
    sentence = "De terugkeer van de vreemdeling naar het land van herkomst is een zaak van de IND. "
    base = 400 if command == "mine" else 1_200  # mine, reading the text three times, is the slowest
    peaks = {}
    for shape in ("one line", "lines"):
        for times in (1, 10, 100):
            path = tmp_path / f"{times}.txt"
            text = sentence * (base * times)  # 100 KB, 1 MB, 10 MB (mine: a third)
            path.write_text(text if shape == "one line" else text.replace(". ", ".\n"), encoding="utf-8")
            code, peaks[shape, times] = peak(command, path)
            assert code == 0
    for shape in ("one line", "lines"):
        assert peaks[shape, 100] < peaks[shape, 1] + 25, peaks


@pytest.mark.parametrize("suffix", [".tsv", ".po"])
def test_check_memory_does_not_grow_with_the_units_or_the_findings(tmp_path, suffix):
    peaks = []
    for times in (1, 10, 100):
        path = tmp_path / f"{times}{suffix}"
        if suffix == ".po":
            entries = "".join(f'msgid "De terugkeer van de asielzoekers {n}."\nmsgstr "The departure of the refugees {n}."\n\n' for n in range(500 * times))
            path.write_text('msgid ""\nmsgstr ""\n"Language: en\\n"\n\n' + entries, encoding="utf-8")
        else:
            path.write_text("De terugkeer van de asielzoekers.\tThe departure of the refugees.\n" * (500 * times), encoding="utf-8")
        code, rss = peak("check", "--jobs", "1", path)
        assert code == 1
        peaks.append(rss)
    assert peaks[2] < peaks[0] + 25, peaks


def test_convert_of_a_memory_streams(tmp_path):
    sys.path.insert(0, str(REPO / "tests" / "benchmarks"))
    from generate_tmx import generate

    peaks: dict[tuple[str, int], float] = {}
    for units in (2_000, 20_000, 200_000):
        path = tmp_path / f"{units}.tmx"
        generate(path, units)
        for suffix in (".xlf", ".po"):
            code, peaks[suffix, units] = peak("convert", path, tmp_path / f"{units}{suffix}")
            assert code == 0
        path.unlink()
    # XLIFF 1.2 keeps nothing for each unit; PO 24 to 72 bytes (a digest of each entry's key, to refuse a second)
    assert peaks[".xlf", 200_000] < peaks[".xlf", 2_000] + 15, peaks
    assert peaks[".po", 200_000] < peaks[".po", 2_000] + 15 + 200_000 * 72 / 1e6, peaks


# -- 4: a cache that can never give a wrong answer ------------------------------------------


@pytest.fixture()
def cached(tmp_path, monkeypatch):
    monkeypatch.setenv("MIGTERM_CACHE_DIR", str(tmp_path / "cache"))
    copy = tmp_path / "glossary"
    shutil.copytree(GLOSSARY, copy, ignore=shutil.ignore_patterns("*.md", "*.txt", "vreemdelingen*"))
    migterm.load(copy)
    (cache,) = (tmp_path / "cache").glob("termbase-*.bin")
    return copy, cache


def answer(directory: Path) -> str:
    return migterm.load(directory).lookup("lidstaten")[0].concept.preferred("en").text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.floats(0, 1), st.integers(0, 7), st.booleans())
def test_a_damaged_cache_is_never_believed(cached, where, bit, truncate):
    directory, cache = cached
    data = bytearray(cache.read_bytes())
    good = bytes(data)
    position = int(where * (len(data) - 1))
    if truncate:
        del data[position:]
    else:
        data[position] ^= 1 << bit
    cache.write_bytes(bytes(data))
    try:
        assert answer(directory) == "Member State"
    finally:
        cache.write_bytes(good)


def test_an_edit_that_keeps_the_size_and_the_time_is_seen(cached):
    directory, _ = cached
    path = directory / "migration-policy.toml"
    text = path.read_text(encoding="utf-8")
    assert 'text = "Member State"' in text
    before = path.stat()
    path.write_text(text.replace('text = "Member State"', 'text = "Member Statf"'), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    assert answer(directory) == "Member Statf"


# -- 5: -o replaces only what it should ------------------------------------------------------


def test_output_refuses_a_link_a_device_a_directory_and_a_read_only_file(tmp_path):
    (tmp_path / "real.tbx").write_text("keep", encoding="utf-8")
    (tmp_path / "link.tbx").symlink_to(tmp_path / "real.tbx")
    (tmp_path / "ro.tbx").write_text("keep", encoding="utf-8")
    (tmp_path / "ro.tbx").chmod(0o444)
    (tmp_path / "dir.tbx").mkdir()
    os.mkfifo(tmp_path / "fifo.tbx")
    for name, message in (("link.tbx", "is a symbolic link"), ("ro.tbx", "is read-only"), ("dir.tbx", "is a directory"),
                          ("fifo.tbx", "is not a regular file")):
        code, out, err, _ = run("export", "-o", tmp_path / name)
        one_line(code, out, err)
        assert message in err
    assert (tmp_path / "real.tbx").read_text() == "keep" and (tmp_path / "link.tbx").is_symlink()
    assert (tmp_path / "ro.tbx").read_text() == "keep" and stat.S_ISFIFO((tmp_path / "fifo.tbx").stat().st_mode)
    code, _, _, _ = run("export", "--force", "-o", tmp_path / "ro.tbx")
    assert code == 0 and (tmp_path / "ro.tbx").read_text().startswith("<?xml") and stat.S_IMODE((tmp_path / "ro.tbx").stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dir.tbx", "fifo.tbx", "link.tbx", "real.tbx", "ro.tbx"]


def test_a_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "g.tbx"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    assert run("export", "-o", target)[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_a_write_leaves_the_old_file_and_no_temporary_one(tmp_path, number):
    sys.path.insert(0, str(REPO / "tests" / "benchmarks"))
    from generate_tmx import generate

    source = tmp_path / "memory.tmx"
    generate(source, 60_000)
    target = tmp_path / "out.xlf"
    target.write_text("old", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "migterm", "convert", str(source), str(target)], stderr=subprocess.PIPE)
    deadline = time.time() + 20
    while not list(tmp_path.glob(".out.xlf.*")) and time.time() < deadline and process.poll() is None:
        time.sleep(0.02)
    process.send_signal(number)
    process.wait(timeout=30)
    assert process.returncode in (-number, 128 + number)
    assert target.read_text() == "old" and not list(tmp_path.glob(".out.xlf.*"))


# -- 6: a full or closed output --------------------------------------------------------------


@pytest.mark.parametrize("args", [("lookup", "terugkeer"), ("scan", "glossary/sources/002_d574fbd45873f2a3.txt"),
                                  ("check", "tests/data/xliff/delivery-1.2.xlf"), ("stats", "tmx/source-documents.tmx"),
                                  ("segment", "glossary/sources/002_d574fbd45873f2a3.txt"), ("mine", "glossary/sources/002_d574fbd45873f2a3.txt"),
                                  ("validate",), ("export", "--format", "tbx")])
def test_a_full_disk_is_one_line_and_exit_2(args):
    with open("/dev/full", "wb") as full:
        process = subprocess.run([sys.executable, "-m", "migterm", *args], stdout=full, stderr=subprocess.PIPE, cwd=REPO)
    err = process.stderr.decode()
    assert process.returncode == 2 and err.count("\n") == 1 and "No space left on device" in err and "Traceback" not in err, err


def test_a_closed_pipe_is_a_quiet_end():
    process = subprocess.Popen([sys.executable, "-m", "migterm", "export", "--format", "tsv"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    process.stdout.read(10)
    process.stdout.close()
    assert process.wait(timeout=60) == 0 and process.stderr.read() == b""


def test_ctrl_c_during_a_check_in_two_processes_is_one_line(tmp_path):
    sys.path.insert(0, str(REPO / "tests" / "benchmarks"))
    from generate_tmx import generate

    source = tmp_path / "memory.tmx"
    generate(source, 150_000)
    # as from a terminal's foreground: a test run started in the background (`cmd &` in a script) ignores Ctrl-C,
    # and its children would inherit that
    process = subprocess.Popen([sys.executable, "-m", "migterm", "check", "--jobs", "2", str(source)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    def handles_sigint(pid: int, mask: str) -> bool:  # SigCgt: caught, SigIgn: ignored (a bit mask by signal number)
        try:
            line = next(line for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith(mask))
        except (OSError, StopIteration):
            return False
        return bool(int(line.split()[1], 16) & 1 << (signal.SIGINT - 1))

    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.time() + 30
    # wait until the second process is at work and ignores Ctrl-C, and the first catches it again
    while process.poll() is None and time.time() < deadline and not (
            (kids := children.read_text().split()) and handles_sigint(int(kids[0]), "SigIgn:") and handles_sigint(process.pid, "SigCgt:")):
        time.sleep(0.01)
    assert process.poll() is None, "the check ended before its second process started"
    assert handles_sigint(process.pid, "SigCgt:"), f"the first process does not catch Ctrl-C (the tests' own: {signal.getsignal(signal.SIGINT)})"
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: to the whole group
    err = process.communicate(timeout=60)[1].decode()
    assert process.returncode == 130 and err.strip().splitlines()[-1] == "migterm: interrupted" and "Traceback" not in err, err


# -- 7 and 8: bad glossaries and errors that say where ---------------------------------------


def test_bad_glossaries_are_one_line(tmp_path):
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "deep.toml").write_text("x = " + "[" * 500 + "]" * 500 + "\n", encoding="utf-8")
    code, out, err, _ = run("validate", "--glossary", folder)
    one_line(code, out, err)
    assert "deep.toml" in err
    (folder / "deep.toml").write_text('[[concept]]\nid = "x"\nterm = [{lang = "nl", text = "terug\u202ekeer", status = "preferred"}]\n', encoding="utf-8")
    code, out, err, _ = run("validate", "--glossary", folder)
    one_line(code, out, err)
    assert "U+202E" in err and "\u202e" not in err
    (folder / "deep.toml").write_text('[[concept]]\nid = "x"\nterm = [{lang = "nl", text = "x", status = "preferred", '
                                      'contexts = [{text = "x", source = "s", page = 100000000000000000000000000}]}]\n', encoding="utf-8")
    code, out, err, _ = run("validate", "--glossary", folder)
    one_line(code, out, err)
    assert "context page must be a whole number" in err


@pytest.mark.parametrize("name, content, message", [
    ("nul.tsv", "a\x00b\tc\n", "nul.tsv:1: term text contains '\\x00'"),
    ("nul.po", 'msgid ""\nmsgstr ""\n\nmsgid "a\x00b"\nmsgstr "c"\n', "nul.po:"),
    ("dup.tbx", '<martif><text><body><termEntry id="a"><langSet xml:lang="en"><tig><term>x</term></tig></langSet></termEntry>\n'
                '<termEntry id="a"><langSet xml:lang="en"><tig><term>y</term></tig></langSet></termEntry></body></text></martif>',
     "dup.tbx:2: concept a: the concept id is used again (first at line 1)"),
])
def test_errors_in_files_say_the_file_and_line(tmp_path, name, content, message):
    (tmp_path / name).write_text(content, encoding="utf-8")
    code, out, err, _ = run("convert", "--as", "termbase", name, "out.json", cwd=tmp_path)
    one_line(code, out, err)
    assert err.startswith(f"migterm: {message}"), err
    assert not (tmp_path / "out.json").exists()


def test_a_missing_file_says_so(tmp_path):
    code, out, err, _ = run("stats", "nope.po", cwd=tmp_path)
    one_line(code, out, err)
    assert err == "migterm: nope.po: cannot read: No such file or directory\n"


# -- 9 and 10: invisible characters and language tags ----------------------------------------


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200b", "\u200d", "\u2060", "\ufeff", "\u200e", "\u202e"])
def test_invisible_characters_are_ignored_by_lookup_scan_and_check(tmp_path, invisible):
    code, out, _, _ = run("lookup", f"terug{invisible}keer")
    assert code == 0 and out.startswith("terugkeer → return")
    (tmp_path / "t.txt").write_text(f"De terug{invisible}keer begint.\n", encoding="utf-8")
    code, out, _, _ = run("scan", tmp_path / "t.txt")
    assert code == 0 and "\tterugkeer\treturn\t[return]" in out and ":1:4\t" in out and invisible not in out
    (tmp_path / "d.tsv").write_text(f"De terug{invisible}keer.\tThe re{invisible}turn.\n", encoding="utf-8")
    code, out, err, _ = run("check", tmp_path / "d.tsv")
    assert code == 0 and err == "0 findings in 0 of 1 unit checked\n"


def test_an_unseen_character_is_never_echoed_raw():
    code, out, err, _ = run("lookup", "x\u202eyz")
    assert code == 1 and "\u202e" not in err and "\\u202e" in err


@pytest.mark.parametrize("tag", ["", "xx-INVALIDTAG", "en_GB", "nl--BE"])
def test_a_language_tag_that_is_none_is_refused(tag):
    code, _, err, _ = run("lookup", "--lang", tag, "return")
    assert code == 2 and "is not a BCP 47 language tag" in err and "Traceback" not in err


def test_a_language_the_termbase_lacks_is_refused_and_a_region_finds_its_language():
    code, out, err, _ = run("lookup", "--lang", "xx-INVALID", "return")
    assert code == 2 and err == "migterm: the termbase has no terms in 'xx-invalid' (it has en, nl)\n"
    code, out, _, _ = run("lookup", "--lang", "en-GB", "return")
    assert code == 0 and out.startswith("terugkeer → return")
    code, _, err, _ = run("check", "--source-lang", "nl_NL", "tests/data/xliff/delivery-1.2.xlf", cwd=REPO)
    assert code == 2 and "is not a BCP 47 language tag" in err


def test_validate_refuses_invisible_characters_in_glossary_text(tmp_path):
    folder = tmp_path / "glossary"
    folder.mkdir()
    (folder / "a.toml").write_text('[[concept]]\nid = "x"\nnotes = ["een \u200bnoot"]\nterm = [{lang = "nl", text = "x", status = "preferred"}]\n',
                                   encoding="utf-8")
    code, out, err, _ = run("validate", "--glossary", folder)
    one_line(code, out, err)
    assert "concept x: concept notes holds the invisible character U+200B" in err and "\u200b" not in err
