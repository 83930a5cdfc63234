import { nodeIo } from './io.js';
import { main } from './main.js';

const io = await nodeIo();
process.exitCode = await main(process.argv.slice(2), io);
