"""Ralph, a Learning Record Store, on a loopback port for kurs's integration test.

Usage: python serve.py PORT FOLDER USERNAME PASSWORD

Stores statements as lines of FOLDER/fs_lrs.jsonl (the filesystem backend, no database).
Started with uvicorn rather than `ralph runserver`: that one reloads on file changes, and the
filesystem backend must append (its default accepts only the first write of a file), which
is set here before the app starts.
"""

import os
import subprocess
import sys


def main():
    port, folder, username, password = sys.argv[1:5]
    os.makedirs(folder, exist_ok=True)
    os.environ["RALPH_APP_DIR"] = os.path.join(folder, "app")
    os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
    os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = folder
    auth = os.path.join(folder, "app", "auth.json")
    if not os.path.exists(auth):
        # `python -m ralph`, not the `ralph` script: a script's first line names the folder
        # the environment was made in, so it breaks when the environment is moved.
        subprocess.run(
            [sys.executable, "-m", "ralph", "auth", "-u", username, "-p", password, "-s", "all",
             "-M", "mailto:kurs@example.org", "-w"],
            check=True, stdout=subprocess.DEVNULL,
        )

    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.data.fs import FSDataBackend
    from ralph.backends.lrs.fs import FSLRSBackend

    FSDataBackend.default_operation_type = BaseOperationType.APPEND
    FSLRSBackend.default_operation_type = BaseOperationType.APPEND

    import uvicorn
    from ralph.api import app

    uvicorn.run(app, host="127.0.0.1", port=int(port), log_level="warning")


if __name__ == "__main__":
    main()
