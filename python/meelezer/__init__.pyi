import os
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence, Tuple, Union

PathLike = Union[str, os.PathLike[str]]
Records = Union[PathLike, Iterable[Mapping[str, Any]]]

FACT_COLUMNS: Tuple[str, ...]
MERGE_COLUMNS: Tuple[str, ...]

class Error(ValueError):
    """Bad input: an empty text, a malformed record (with its file and line), a missing file."""

def default_model() -> Optional[Path]: ...

class Pipeline:
    model: Optional[Path]
    def __init__(
        self,
        model: Optional[PathLike] = ...,
        *,
        gazetteer: bool = ...,
        services: Sequence[PathLike] = ...,
        viterbi: bool = ...,
        all_sentences: bool = ...,
        precision: str = ...,
        type_agreement: bool = ...,
    ) -> None: ...
    @property
    def recognizer(self) -> str: ...
    def extract(self, text: str, doc: str = ...) -> dict[str, Any]: ...
    def extract_many(self, items: Iterable[Union[Tuple[str, str], Mapping[str, str]]], threads: Optional[int] = ...) -> list[dict[str, Any]]: ...
    def tag(self, text: str, date: Optional[str] = ...) -> dict[str, Any]: ...

def evaluate(gold: Records, pred: Records) -> dict[str, Any]: ...
def fact_rows(records: Records) -> list[list[str]]: ...
def facts_table(records: Records) -> Any: ...
def merge(records: Records) -> Any: ...
