"""``hearth coach``: the message coach on the command line.

    hearth coach "message"          readable analysis
    hearth coach --json "message"   one JSON object
    hearth coach --jsonl            JSON lines {"text": ...} on stdin, one object out per line

Usage errors and malformed input print a message on stderr and return 2.
"""

import argparse
import json
from typing import NoReturn, TextIO

from hearth.core.coach.analyse import Analysis, CoachError, analyse
from hearth.core.coach.apology import COMPONENT_NAMES

USAGE_ERROR = 2


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    """An argparse parser that raises on usage errors instead of exiting the process."""

    def __init__(self) -> None:
        super().__init__(
            prog="hearth coach",
            description="Read a draft message and say what it may do to trust.",
            exit_on_error=False,
            add_help=False,
        )

    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def run(argv: list[str], stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    parser = _Parser()
    parser.add_argument("-h", "--help", action="store_true", help="show this help and exit")
    parser.add_argument("message", nargs="?", help="the message to read")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="print one JSON object")
    mode.add_argument(
        "--jsonl",
        action="store_true",
        help='read JSON lines {"text": ...} from stdin; write one JSON object per line',
    )
    try:
        args = parser.parse_args(argv)
    except (_UsageError, argparse.ArgumentError) as exc:
        stderr.write(f"hearth coach: error: {exc}\n{parser.format_usage()}")
        return USAGE_ERROR
    if args.help:
        stdout.write(parser.format_help())
        return 0

    if args.jsonl:
        if args.message is not None:
            stderr.write("hearth coach: error: give either a message or --jsonl, not both\n")
            return USAGE_ERROR
        return _run_jsonl(stdin, stdout, stderr)
    if args.message is None:
        stderr.write(
            'hearth coach: error: no message given; try hearth coach "your message"\n'
            + parser.format_usage()
        )
        return USAGE_ERROR
    try:
        result = analyse(args.message)
    except CoachError as exc:
        stderr.write(f"hearth coach: error: {exc}\n")
        return USAGE_ERROR
    if args.json:
        stdout.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
    else:
        stdout.write(render(result))
    return 0


def _run_jsonl(stdin: TextIO, stdout: TextIO, stderr: TextIO) -> int:
    """Validate every line first, so a bad line produces no partial output."""
    texts: list[str] = []
    for number, line in enumerate(stdin, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            stderr.write(f"hearth coach: error: line {number} is not valid JSON ({exc.msg})\n")
            return USAGE_ERROR
        text = item.get("text") if isinstance(item, dict) else None
        if not isinstance(text, str):
            stderr.write(
                f'hearth coach: error: line {number} needs a "text" field holding a string\n'
            )
            return USAGE_ERROR
        texts.append(text)
        try:
            analyse(text)
        except CoachError as exc:
            stderr.write(f"hearth coach: error: line {number}: {exc}\n")
            return USAGE_ERROR
    for text in texts:
        stdout.write(json.dumps(analyse(text).to_dict(), ensure_ascii=False) + "\n")
    return 0


def _highlight(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.append(text[pos:start])
        out.append("[" + text[start:end] + "]")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def render(result: Analysis) -> str:
    """The readable form of an analysis, as printed by ``hearth coach "message"``."""
    lines = [f"Message: {result.text}", ""]
    if not result.labels:
        lines.append("Nothing here seems to build or erode trust: it reads as neutral.")
    for finding in result.labels:
        lines.append(f"* {finding.label} ({finding.confidence:.0%})")
        if finding.spans:
            lines.append(f"  words: {_highlight(result.text, finding.spans)}")
        lines.append(f"  {finding.explanation}")
    if result.rewrite:
        lines += ["", "A gentler way to say it:", f"  {result.rewrite}"]
    if result.apology:
        report = result.apology
        lines += ["", "Apology:"]
        present = ", ".join(COMPONENT_NAMES[c] for c in report.present) or "none yet"
        lines.append(f"  has: {present}")
        if report.missing:
            lines.append("  could add: " + ", ".join(COMPONENT_NAMES[c] for c in report.missing))
        for advice in report.advice:
            lines.append(f"  - {advice}")
    return "\n".join(lines) + "\n"
