"""The attack suite of issue 19: an attacker with only what the interface offers.

Modules, bottom up: ``model`` (what a published text allows of the true count: the one place
the publication rules are modelled), ``offer`` (every view the export answers, derived from
the grid and read through ``query.export.Exporter``), ``atoms`` and ``geography`` (what sums
to what), ``solver`` (interval propagation and HiGHS), ``windows`` (a: sliding windows),
``parts`` (b: atoms with parent caps; c: communes alone in their district), ``evaluation``
(d: what the evaluation command and the About page reveal), ``truth`` and ``score`` (read
only to score), ``run`` (every attack on one database, per level and source). See
docs/attacks.md.
"""
