// The same layer package, imported from an ES module (Lambda resolves layers for ESM since Node.js 18).
import { stamp } from 'formatting';

export const handler = async (event) => {
  const { text } = JSON.parse(event.body);
  return { statusCode: 200, body: JSON.stringify({ stamped: stamp(text), module: 'esm' }) };
};
