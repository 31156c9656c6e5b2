"""`ofsted refresh --urn URN | --url URL`: one provider or one report, now."""

from __future__ import annotations

import argparse

from extract.web.site import PROVIDER_TYPES
from flows.commands import add_db_option, with_exit_codes
from flows.site_cli import SITE_PARTIAL, run_flow


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "refresh",
        help="fetch and load one provider's reports (--urn) or one report (--url) now",
        description="Refresh one provider, by URN or by its provider page address, or one report by its file "
        "address: whatever of it the warehouse lacks is downloaded, extracted and loaded now, as a Prefect flow. "
        "Only addresses on the configured Ofsted hosts (OFSTED_REPORTS_URL, OFSTED_FILES_URL) are fetched; any "
        "other is refused.",
        epilog=with_exit_codes(
            "Examples:\n  ofsted refresh --urn 80481\n"
            "  ofsted refresh --url https://files.ofsted.gov.uk/v1/file/50282345\n"
            "  ofsted refresh --url https://reports.ofsted.gov.uk/provider/44/80481", SITE_PARTIAL),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--urn", help="the provider's URN as the site writes it (e.g. 80481 for Leeds children's "
                       "services, SC023666, EY360232)")
    which.add_argument("--url", help="a provider page or report file address on the Ofsted site")
    parser.add_argument("--type", dest="provider_type", default="la", choices=list(PROVIDER_TYPES),
                        help="provider type of --urn, which picks its page address /provider/<type>/<URN> "
                        f"({', '.join(f'{t.key} {t.page_type}' for t in PROVIDER_TYPES.values())}; default: la)")
    add_db_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from extract.web.config import ConfigError, SiteConfig
    from extract.web.exceptions import DownloadError
    from flows.cli import UserError
    from flows.refresh import RefreshRequestInvalid, target_url

    try:  # refused here too, before Prefect starts
        target_url(SiteConfig.from_env(), args.urn, args.url, args.provider_type)
    except (ConfigError, DownloadError, RefreshRequestInvalid) as exc:
        raise UserError(str(exc)) from None

    def make_flow():
        from flows.refresh import refresh

        return refresh

    return run_flow(make_flow, db=args.db, urn=args.urn, url=args.url, provider_type=args.provider_type)
