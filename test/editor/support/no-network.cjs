// Preloaded into the language server under test (node --require). The tests promise not to
// touch the network, so any outgoing connection or DNS lookup fails loudly here instead of
// hanging on a sandbox without a route. The marker line lets the tests assert none happened.
'use strict';

const net = require('node:net');
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');

const MARKER = 'quickback-editor-test: network access blocked';

function refuse(what) {
  return function blocked() {
    process.stderr.write(`${MARKER}: ${what}\n`);
    throw new Error(`${MARKER}: ${what}`);
  };
}

net.connect = refuse('net.connect');
net.createConnection = refuse('net.createConnection');
net.Socket.prototype.connect = refuse('net.Socket.connect');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
http.request = refuse('http.request');
http.get = refuse('http.get');
https.request = refuse('https.request');
https.get = refuse('https.get');
globalThis.fetch = refuse('fetch');
