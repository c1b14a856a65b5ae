const { stamp } = require('formatting');

exports.handler = async (event) => {
  const { text } = JSON.parse(event.body);
  return { statusCode: 200, body: JSON.stringify({ stamped: stamp(text) }) };
};
