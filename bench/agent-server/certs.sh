#!/usr/bin/env bash
# Makes the mTLS material for the bench in DIR (default target/certs): two issuers as in the architecture
# (node CA signs the server certificate, client CA signs the panel's client certificate), then
#   server.p12     server key + chain (node CA)          client-ca.p12  trust store: client CA only
#   client.p12     client key + chain (client CA)        node-ca.p12    trust store: node CA (for the Java client)
#   client.crt/.key and node-ca.crt for curl.
# Every tool is called with an argument list; nothing goes through a shell string.
set -euo pipefail
dir=${1:-target/certs}
pw=${BENCH_PW:-changeit}
mkdir -p "$dir"
cd "$dir"
ca() { # name subject
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 \
    -subj "/CN=$2" -keyout "$1.key" -out "$1.crt" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
}
leaf() { # name subject issuer ext
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=$2" -keyout "$1.key" -out "$1.csr" 2>/dev/null
  printf '%s\n' "$4" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$3.crt" -CAkey "$3.key" -CAcreateserial -days 30 -extfile "$1.ext" -out "$1.crt" 2>/dev/null
  openssl pkcs12 -export -name "$1" -inkey "$1.key" -in "$1.crt" -certfile "$3.crt" -passout "pass:$pw" -out "$1.p12"
}
trust() { # store cert
  rm -f "$1.p12"
  keytool -importcert -noprompt -storetype PKCS12 -keystore "$1.p12" -storepass "$pw" -alias ca -file "$2.crt" >/dev/null
}
ca node-ca "Bench node issuer"
ca client-ca "Bench client issuer"
leaf server "127.0.0.1" node-ca "subjectAltName=IP:127.0.0.1,DNS:localhost
extendedKeyUsage=serverAuth"
leaf client "panel" client-ca "extendedKeyUsage=clientAuth"
trust client-ca client-ca
trust node-ca node-ca
echo "certs in $dir"
