"""The claim-stage tests of every step share `claim_lookup`, kept beside this file."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
