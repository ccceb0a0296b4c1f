<?php
/**
 * Loading portico.js as a module, only on pages that show a Portico element.
 *
 * @package Portico
 */

defined( 'ABSPATH' ) || exit;

/**
 * Asks WordPress to print the portal's script at the end of the page.
 *
 * Called by the shortcodes as they render, so pages without one do not load it. In the footer,
 * because classic themes render the content after the head is printed; the elements are
 * defined when the script arrives, wherever their tags are.
 *
 * @param string $portal The portal URL, without a trailing slash.
 */
function portico_enqueue_script( $portal ) {
	if ( wp_script_is( PORTICO_SCRIPT_HANDLE, 'enqueued' ) ) {
		return;
	}
	// No version: the portal decides how long its loader may be cached.
	wp_enqueue_script( PORTICO_SCRIPT_HANDLE, $portal . '/portico.js', array(), null, true );
}

/**
 * Makes the portal's script tag `type="module"` (WordPress 6.1 has no API for module scripts).
 *
 * Changes only that one tag, in place: what other filters added to it (a CSP nonce, say) and any
 * inline script WordPress printed before or after it stay as they are.
 *
 * @param string $tag    The HTML WordPress made for the script.
 * @param string $handle The script's handle.
 * @return string
 */
function portico_module_script_tag( $tag, $handle ) {
	if ( PORTICO_SCRIPT_HANDLE !== $handle ) {
		return $tag;
	}
	$id = $handle . '-js';
	// Whole elements, so that the text of an inline script is never taken for a tag.
	return (string) preg_replace_callback(
		'/(<script\b)([^>]*)(>.*?<\/script>)/is',
		function ( $match ) use ( $id ) {
			if ( ! preg_match( '/\sid\s*=\s*(["\']?)' . preg_quote( $id, '/' ) . '\1[\s>\/]/i', $match[2] . '>' ) ) {
				return $match[0];
			}
			// WordPress may have written type="text/javascript"; a tag has one type only.
			$attributes = preg_replace( '/\stype\s*=\s*(?:"[^"]*"|\'[^\']*\'|[^\s>]+)/i', '', $match[2] );
			return $match[1] . ' type="module"' . $attributes . $match[3];
		},
		$tag
	);
}
