"""`jpextract --help` speaks to users: every command with what it does and an example that parses."""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys

import pytest

from pipeline import usage
from pipeline.cli import build_parser, main
from tests.conftest import ROOT


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def test_usage_every_command_has_a_description_and_an_example() -> None:
    commands = _commands(build_parser())
    missing = sorted(set(commands) - set(usage.BY_NAME))
    assert missing == [], f"add an entry to pipeline/usage.py COMMANDS for: {missing}"
    assert sorted(usage.BY_NAME) == sorted(commands), "an entry in COMMANDS names no command"
    for command in usage.COMMANDS:
        assert command.summary and command.description and command.examples, command.name


@pytest.mark.parametrize(
    ("name", "example"),
    [(c.name, e) for c in usage.COMMANDS for e in c.examples],
    ids=[f"{c.name}-{i}" for c in usage.COMMANDS for i in range(len(c.examples))],
)
def test_usage_examples_are_valid_command_lines(name: str, example: str) -> None:
    args = build_parser().parse_args([name, *shlex.split(usage.example_arguments(example))])
    assert args.command == name


def test_usage_help_lists_every_command_with_an_example() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "--help"],
        cwd=ROOT, capture_output=True, text=True, check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith("usage: python -m pipeline COMMAND [OPTIONS]")
    for command in usage.COMMANDS:
        assert f"  {command.name:12} {command.summary}" in text
        assert f"python -m pipeline {command.name} {usage.example_arguments(command.examples[0])}" in text
    # for users: no docstring markup, no internals
    for developer_speak in ("``", "run_extract", "argument parsing", "pipeline/"):
        assert developer_speak not in text


def test_usage_command_help_has_its_description_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for command in usage.COMMANDS:
        with pytest.raises(SystemExit) as exit_:
            main([command.name, "--help"], prog="jpextract")
        assert exit_.value.code == 0
        text = capsys.readouterr().out
        assert text.startswith(f"usage: jpextract {command.name} ")
        assert " ".join(command.description.split()[:6]) in " ".join(text.split())
        for example in command.examples:
            assert f"  jpextract {command.name} {example}" in text
        assert "``" not in text


def test_usage_a_command_without_an_entry_is_still_listed() -> None:
    parser = argparse.ArgumentParser(prog="jpextract")
    sub = parser.add_subparsers(dest="command")
    usage.add_command(sub, "extract")
    sub.add_parser("frobnicate", description="Frobnicate the records across documents. More words here.")
    usage.describe(parser, sub)
    text = parser.format_help()
    assert "  frobnicate   Frobnicate the records across documents\n" in text
    assert "jpextract extract raw -o outputs/extractions.jsonl" in text
