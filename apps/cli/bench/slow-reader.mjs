// A slow consumer for the memory benchmark: reads standard input at most RATE bytes a second
// (argv[2], default 8 MB/s) and discards it, as a slow `gzip -9`, `jq` or network link would.
const rate = Number(process.argv[2] ?? 8 * 1024 * 1024);
const start = Date.now();
let bytes = 0;
process.stdin.on('data', (chunk) => {
  bytes += chunk.length;
  const due = (bytes / rate) * 1000 - (Date.now() - start);
  if (due > 0) {
    process.stdin.pause();
    setTimeout(() => process.stdin.resume(), due);
  }
});
process.stdin.on('end', () => {
  process.stderr.write(
    `slow-reader: ${bytes} bytes in ${((Date.now() - start) / 1000).toFixed(1)} s\n`,
  );
});
