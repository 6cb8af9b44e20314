"""The MkDocs process of `mkdocs_build.run_mkdocs`:
`python -m digest.publish.mkdocs_child JOB FAILURE` (a module no other imports, so that running it
does not import it twice)."""

import sys
from pathlib import Path

from .mkdocs_build import mkdocs_here

if __name__ == "__main__":
    sys.exit(mkdocs_here(Path(sys.argv[1]), Path(sys.argv[2])))
