"""Reference boundaries and the gazetteer: the commune, district and province polygons read
and checked, each commune conflated with its official 2025 code, the families per commune
(NCDD), the lookup tables that place partner rows, and the commune match report.

Other packages import only the names in ``__all__``.
"""

from etl.reference.boundaries import (
    BoundaryTables,
    build_boundary_tables,
    communes_with_geometry,
    read_and_conflate,
)
from etl.reference.conflate import CrosswalkError, load_crosswalk
from etl.reference.covariates import CovariateFileError, families_table
from etl.reference.gazetteer import SOURCE as GAZETTEER_SOURCE
from etl.reference.gazetteer import load_gazetteer
from etl.reference.match_report import REPORT_CSV, REPORT_MD, write_report
from etl.reference.pieces import commune_neighbours, commune_pieces
from etl.reference.places import PLACE_KEY_MACRO, create_place_tables
from etl.reference.sources import COMMUNES, SOURCES, BoundaryFileError, load_reference_layers

__all__ = [
    "COMMUNES",
    "GAZETTEER_SOURCE",
    "PLACE_KEY_MACRO",
    "REPORT_CSV",
    "REPORT_MD",
    "SOURCES",
    "BoundaryFileError",
    "BoundaryTables",
    "CovariateFileError",
    "CrosswalkError",
    "build_boundary_tables",
    "commune_neighbours",
    "commune_pieces",
    "communes_with_geometry",
    "create_place_tables",
    "families_table",
    "load_crosswalk",
    "load_gazetteer",
    "load_reference_layers",
    "read_and_conflate",
    "write_report",
]
