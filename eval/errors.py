"""Typed errors of the evaluation harness (all are ``jixiao.errors.JixiaoError``)."""

from __future__ import annotations

from jixiao.errors import InputError


class DatasetError(InputError):
    """The labeled set on disk is unusable: bad manifest, missing or changed text, bad gold."""

    code = "eval.dataset"


class MissingTextError(DatasetError):
    code = "eval.missing_text"


class GoldFormatError(DatasetError):
    code = "eval.bad_gold"


class MissingPredictionError(InputError):
    code = "eval.missing_prediction"


class PredictionFormatError(InputError):
    code = "eval.bad_prediction"


class ReportError(InputError):
    """A saved report or baseline cannot be read."""

    code = "eval.bad_report"
