"""Partner files: the data contract, reading CSV and XLSX, validation and placement in DuckDB
SQL, loading with quarantine, the aggregate tables the pages read, and the status report
(what is loaded, what was quarantined and why).

Other packages import only the names in ``__all__``.
"""

from etl.partners.contract import CONTRACTS, Column, Contract
from etl.partners.ingest import LoadResult, ingest_file
from etl.partners.loading import load_files, partner_files, prepare, summarise
from etl.partners.record_keys import SecretFileError, record_secret
from etl.partners.staging import FileRejected, file_sha256, shown_name
from etl.partners.status import report_text
from etl.partners.workbooks import read_workbook

__all__ = [
    "CONTRACTS",
    "Column",
    "Contract",
    "FileRejected",
    "LoadResult",
    "SecretFileError",
    "file_sha256",
    "ingest_file",
    "load_files",
    "partner_files",
    "prepare",
    "read_workbook",
    "record_secret",
    "report_text",
    "shown_name",
    "summarise",
]
