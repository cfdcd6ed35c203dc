/**
 * Redis implementations of the storage ports, on Lettuce, sharing one connection ({@link dev.portcullis.adapters.redis.RedisBackend}).
 *
 * <p>Key layout, under the configured prefix (default {@code portcullis:}):
 * <pre>
 * clients          hash    client id → encoded client                  no TTL
 * users            hash    username → encoded user                     no TTL
 * keys             hash    kid → encoded key (JWK encrypted upstream)  no TTL
 * code:&lt;hash&gt;      hash    doc, es/en (expiry), redeemed               TTL = code expiry
 * rt:&lt;hash&gt;        hash    doc, state, es/en (expiry), fam             TTL = token expiry
 * rtfam:&lt;family&gt;   set     token hashes of the family                  TTL = family expiry
 * revoked:&lt;jti&gt;    string  until (epoch seconds.nanoseconds)           TTL = until
 * revocations      channel "&lt;until&gt; &lt;jti&gt;" per revocation, for every node's near-cache
 * rate:&lt;limit&gt;:&lt;ms&gt;:&lt;window&gt;   string  request or failure count       TTL = 2 windows
 * login:&lt;n&gt;:&lt;source&gt;:&lt;username&gt; string  "&lt;failures&gt; &lt;locked until&gt;"  TTL = end of the streak
 * </pre>
 * Values are encoded by hand ({@code Doc}: netstrings, no JSON). Every step that must be atomic across
 * nodes is one Lua script run with EVALSHA. Any Lettuce failure surfaces as
 * {@link dev.portcullis.application.port.out.BackendUnavailableException}, never as "not found".
 */
package dev.portcullis.adapters.redis;
