#!/usr/bin/env python3
"""Writes smsim's manual page (roff, section 1) from the command definitions.

Reads `smsim --experimental-dump-help` (ArgumentParser's description of every command,
option and help text) on standard input and prints the page, so the page says what
`smsim help` says and cannot drift from it.

    smsim --experimental-dump-help | scripts/man-page.py > smsim.1
"""
import json, sys


def roff(text):
    """Text safe in a roff body: backslashes doubled, no line starting with a control character."""
    lines = []
    for line in (text or "").replace("\\", "\\\\").split("\n"):
        if line.startswith((".", "'")):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def synopsis(arg):
    names = arg.get("names") or []
    name = ", ".join(("--" if n["kind"] == "long" else "-") + n["name"] for n in names)
    if arg["kind"] == "positional":
        return "<" + arg.get("valueName", "value") + ">"
    if arg["kind"] == "option":
        return name + " <" + arg.get("valueName", "value") + ">"
    return name


def arguments(command, out):
    shown = [a for a in command.get("arguments", []) if a.get("shouldDisplay", True)]
    if not shown:
        return
    out.append(".RS")
    for a in shown:
        out.append(".TP")
        out.append(".B " + roff(synopsis(a)))
        out.append(roff(a.get("abstract", "")))
        if a.get("defaultValue"):
            out.append("(default: " + roff(a["defaultValue"]) + ")")
    out.append(".RE")


def main():
    root = json.load(sys.stdin)["command"]
    out = [".TH SMSIM 1 \"\" \"smsim\" \"User Commands\"", ".SH NAME",
           "smsim \\- " + roff(root.get("abstract", "")), ".SH SYNOPSIS",
           ".B smsim", "<subcommand> [options]", ".SH DESCRIPTION", roff(root.get("discussion", ""))]
    out.append(".SH COMMANDS")
    for sub in root.get("subcommands", []):
        if not sub.get("shouldDisplay", True) or sub["commandName"] == "help":
            continue
        out.append(".SS smsim " + sub["commandName"])
        out.append(roff(sub.get("abstract", "")))
        if sub.get("discussion"):
            out.append(".PP")
            out.append(".nf")
            out.append(roff(sub["discussion"]))
            out.append(".fi")
        arguments(sub, out)
        for nested in sub.get("subcommands", []):
            out.append(".TP")
            out.append(".B smsim " + sub["commandName"] + " " + nested["commandName"])
            out.append(roff(nested.get("abstract", "")))
    out += [".SH SHELL COMPLETION", "Completion scripts for bash, zsh and fish come from",
            ".B smsim --generate-completion-script bash|zsh|fish", "and are installed by make install.",
            ".SH EXIT STATUS", "0 done; 1 a check failed; 2 bad input; 3 an internal inconsistency."]
    print("\n".join(out))


main()
