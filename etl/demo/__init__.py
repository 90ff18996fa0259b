"""The synthetic demonstration set: partner files generated from the real communes, with the
policy shock and the pilot effect planted, loaded by the build through the partner ingestion.

It uses ``vocabulary`` for the contract's values and imports nothing of ``etl.partners``.
"""

from etl.demo.generator import (
    KINDS,
    LABEL,
    MANIFEST,
    DemoParameterError,
    DemoParameters,
    write_demo,
)
from etl.demo.manifest import demo_parameters_from_settings, ensure_demo, store_demo_manifest

__all__ = [
    "KINDS",
    "LABEL",
    "MANIFEST",
    "DemoParameterError",
    "DemoParameters",
    "demo_parameters_from_settings",
    "ensure_demo",
    "store_demo_manifest",
    "write_demo",
]
