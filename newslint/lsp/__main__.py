"""python -m newslint.lsp"""

import sys

from newslint.lsp.main import main

sys.exit(main())
