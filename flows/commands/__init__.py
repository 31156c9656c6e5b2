"""One module per `ofsted` subcommand; each exposes `register(subparsers)` and sets `func` on its parser.

`func(args) -> int` returns the process exit code. Library errors are turned into one clean message by
`flows.cli.main`.
"""
