"""The typed bilingual document model and the facts derived from it: numbering,
French and Dutch grammar, legislature data, the strings around the text.

`render.model` re-exports the model's classes, so `from render.model import
Document` reads as what it is."""
from .document import *  # noqa: F401,F403
from .document import (GENDERS, LANG_NAMES, LANGS, MAX_REQUEST_DEPTH, Gender, Lang,  # noqa: F401
                       iter_requests)
