const PRICES = { ACME: 12.5, INITECH: 3.25 };

exports.handler = async (event) => {
  const { symbol } = JSON.parse(event.body);
  return { statusCode: 200, body: JSON.stringify({ symbol, price: PRICES[symbol] ?? null }) };
};
