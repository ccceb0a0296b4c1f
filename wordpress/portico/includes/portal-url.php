<?php
/**
 * The portal URL: reading, checking and the site origin Portico must trust.
 *
 * @package Portico
 */

defined( 'ABSPATH' ) || exit;

/**
 * The saved portal URL without a trailing slash, or '' when none is set.
 *
 * @return string
 */
function portico_portal_url() {
	$url = get_option( PORTICO_OPTION, '' );
	return is_string( $url ) ? $url : '';
}

/**
 * Checks a portal URL an administrator entered.
 *
 * Accepts an http(s) address of a host, with an optional port and path (a site that proxies
 * Portico under /portico/), and nothing else: no user name, query or fragment, since the script's
 * address is built by appending /portico.js.
 *
 * @param mixed $value What was entered.
 * @return string|null The URL without a trailing slash, '' for an empty field, null when invalid.
 */
function portico_normalize_portal_url( $value ) {
	if ( ! is_string( $value ) ) {
		return null;
	}
	$value = trim( $value );
	if ( '' === $value ) {
		return '';
	}
	if ( strlen( $value ) > 2000 || preg_match( '/[\s\x00-\x1f\x7f<>"\'`\\\\{}|^]/', $value ) ) {
		return null;
	}
	$parts = wp_parse_url( $value );
	if ( ! is_array( $parts ) || empty( $parts['scheme'] ) || empty( $parts['host'] ) ) {
		return null;
	}
	$scheme = strtolower( $parts['scheme'] );
	if ( 'http' !== $scheme && 'https' !== $scheme ) {
		return null;
	}
	if ( isset( $parts['user'] ) || isset( $parts['pass'] ) || isset( $parts['query'] ) || isset( $parts['fragment'] ) ) {
		return null;
	}
	if ( ! preg_match( '/^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)$/i', $parts['host'] ) ) {
		return null;
	}
	$url = portico_origin_of( $scheme, $parts );
	if ( isset( $parts['path'] ) ) {
		$url .= $parts['path'];
	}
	return untrailingslashit( $url );
}

/**
 * Whether browsers would block the portal's script on this site's pages as mixed content: an
 * http:// portal on a site served over https.
 *
 * @param string $url A portal URL portico_normalize_portal_url() accepted.
 * @return bool
 */
function portico_is_mixed_content( $url ) {
	if ( 0 !== strpos( $url, 'http://' ) ) {
		return false;
	}
	return is_ssl() || 'https' === strtolower( (string) wp_parse_url( home_url(), PHP_URL_SCHEME ) );
}

/**
 * This site's origin (scheme, host and port) as browsers send it in the Origin header.
 *
 * @return string
 */
function portico_site_origin() {
	$parts = wp_parse_url( home_url() );
	if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
		return '';
	}
	return portico_origin_of( isset( $parts['scheme'] ) ? strtolower( $parts['scheme'] ) : 'https', $parts );
}

/**
 * Scheme, host and port as an origin, leaving out the scheme's default port as browsers do.
 *
 * @param string $scheme 'http' or 'https'.
 * @param array  $parts  What wp_parse_url() returned, with a host.
 * @return string
 */
function portico_origin_of( $scheme, $parts ) {
	$origin = $scheme . '://' . strtolower( $parts['host'] );
	$port   = isset( $parts['port'] ) ? (int) $parts['port'] : 0;
	$usual  = 'https' === $scheme ? 443 : 80;
	if ( $port && $port !== $usual ) {
		$origin .= ':' . $port;
	}
	return $origin;
}
