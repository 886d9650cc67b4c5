import { execFileSync, spawnSync } from 'node:child_process';

/** Whether python3 is on the PATH; its zipfile module serves as a second, independent ZIP reader. */
export const hasPython = spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;

const SCRIPT = `
import base64, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    print(json.dumps({
        "bad": z.testzip(),
        "entries": [{"name": i.filename, "compress_type": i.compress_type, "file_size": i.file_size,
                     "date_time": list(i.date_time), "data": base64.b64encode(z.read(i)).decode()} for i in z.infolist()],
    }))
`;

export interface PythonZipListing {
  /** First entry whose CRC fails, or null. */
  bad: string | null;
  entries: { name: string; compress_type: number; file_size: number; date_time: number[]; data: string }[];
}

/** Lists and reads a ZIP file with Python's zipfile (testzip checks every CRC). */
export function pythonReadZip(file: string): PythonZipListing {
  return JSON.parse(execFileSync('python3', ['-c', SCRIPT, file], { encoding: 'utf8' })) as PythonZipListing;
}
