<?php
/**
 * One shortcode per customer element, passing through only the attributes each element documents.
 *
 * @package Portico
 */

defined( 'ABSPATH' ) || exit;

/**
 * The shortcodes, the element each one places and the attributes it passes through by kind.
 *
 * Kinds: 'flag' (a boolean attribute: `[portico_login without-sign-up]`), 'text', 'href' (a link
 * that may hold placeholders such as {query}), 'count' (a positive whole number), 'language'
 * (a language tag such as de or pt-BR), or a list of the values allowed.
 * Every shortcode also takes `lang`, for a part of the site in another language.
 *
 * @return array<string, array{tag: string, attributes: array<string, string|string[]>}>
 */
function portico_shortcodes() {
	return array(
		'portico_login'         => array(
			'tag'        => 'portico-login',
			'attributes' => array( 'without-sign-up' => 'flag' ),
		),
		'portico_order_form'    => array(
			'tag'        => 'portico-order-form',
			'attributes' => array(
				'category'   => 'text',
				'product'    => 'text',
				'order-href' => 'href',
				'page-size'  => 'count',
			),
		),
		'portico_account'       => array(
			'tag'        => 'portico-account-summary',
			'attributes' => array(
				'shop-href'   => 'href',
				'ticket-href' => 'href',
			),
		),
		'portico_tickets'       => array(
			'tag'        => 'portico-ticket-inbox',
			'attributes' => array( 'page-size' => 'count' ),
		),
		'portico_help'          => array(
			'tag'        => 'portico-help-search',
			'attributes' => array(
				'query'    => 'text',
				'category' => 'text',
				'locale'   => 'language',
				'ask-href' => 'href',
			),
		),
		'portico_chat'          => array(
			'tag'        => 'portico-chat',
			'attributes' => array(
				'position'         => array( 'end', 'start' ),
				'without-launcher' => 'flag',
				'help-href'        => 'href',
				'ticket-href'      => 'href',
				'locale'           => 'language',
			),
		),
		'portico_notifications' => array(
			'tag'        => 'portico-notifications',
			'attributes' => array( 'page-size' => 'count' ),
		),
		'portico_announcements' => array(
			'tag'        => 'portico-announcements',
			'attributes' => array(),
		),
	);
}

/**
 * Registers every shortcode.
 */
function portico_register_shortcodes() {
	foreach ( array_keys( portico_shortcodes() ) as $shortcode ) {
		add_shortcode( $shortcode, 'portico_render_shortcode' );
	}
}

/**
 * Renders a shortcode as its element and makes sure the page loads portico.js.
 *
 * @param array|string $atts      The attributes written in the shortcode ('' when none).
 * @param string|null  $content   Ignored: the elements take no content.
 * @param string       $shortcode The shortcode's name.
 * @return string
 */
function portico_render_shortcode( $atts, $content, $shortcode ) {
	$definitions = portico_shortcodes();
	if ( ! isset( $definitions[ $shortcode ] ) ) {
		return '';
	}
	$portal = portico_portal_url();
	if ( '' === $portal ) {
		return '<!-- ' . esc_html__( 'Portico: enter the portal URL under Settings → Portico.', 'portico' ) . ' -->';
	}
	portico_enqueue_script( $portal );

	$definition = $definitions[ $shortcode ];
	$kinds      = $definition['attributes'] + array( 'lang' => 'language' );
	$html       = '<' . $definition['tag'];
	foreach ( portico_shortcode_values( is_array( $atts ) ? $atts : array(), $kinds, $shortcode ) as $name => $value ) {
		// Names come from the list above, never from the shortcode.
		$html .= true === $value ? ' ' . $name : ' ' . $name . '="' . esc_attr( $value ) . '"';
	}
	return $html . '></' . $definition['tag'] . '>';
}

/**
 * The attributes to write on the element, checked by kind; unknown and invalid ones are dropped.
 *
 * @param array  $atts      The shortcode's attributes (a bare word has a numeric key).
 * @param array  $kinds     Attribute name => kind.
 * @param string $shortcode For the shortcode_atts_{$shortcode} filter.
 * @return array<string, string|true>
 */
function portico_shortcode_values( $atts, $kinds, $shortcode ) {
	$named = array();
	foreach ( $atts as $key => $value ) {
		if ( is_int( $key ) ) {
			// `[portico_login without-sign-up]`: a bare word turns a flag on.
			$word = strtolower( trim( (string) $value ) );
			if ( isset( $kinds[ $word ] ) && 'flag' === $kinds[ $word ] ) {
				$named[ $word ] = '';
			}
		} else {
			$named[ strtolower( $key ) ] = $value;
		}
	}
	$given  = shortcode_atts( array_fill_keys( array_keys( $kinds ), null ), $named, $shortcode );
	$values = array();
	foreach ( $kinds as $name => $kind ) {
		if ( null === $given[ $name ] ) {
			continue;
		}
		$value = portico_attribute_value( $given[ $name ], $kind );
		if ( null !== $value ) {
			$values[ $name ] = $value;
		}
	}
	return $values;
}

/**
 * One attribute's value checked by its kind.
 *
 * @param mixed           $value What the shortcode said.
 * @param string|string[] $kind  See portico_shortcodes().
 * @return string|true|null The value to write, true for a flag that is on, null to leave it out.
 */
function portico_attribute_value( $value, $kind ) {
	if ( ! is_scalar( $value ) ) {
		return null;
	}
	$value = portico_decode_entities( (string) $value );
	if ( null === $value ) {
		return null;
	}
	$value = trim( $value );

	if ( is_array( $kind ) ) {
		return in_array( strtolower( $value ), $kind, true ) ? strtolower( $value ) : null;
	}
	switch ( $kind ) {
		case 'flag':
			return in_array( strtolower( $value ), array( '', '1', 'true', 'yes', 'on' ), true ) ? true : null;
		case 'count':
			return ctype_digit( $value ) && (int) $value >= 1 && (int) $value <= 100 ? (string) (int) $value : null;
		case 'language':
			return preg_match( '/^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i', $value ) ? str_replace( '_', '-', $value ) : null;
		case 'href':
			return portico_safe_href( $value );
		case 'text':
			$value = sanitize_text_field( $value );
			return '' === $value ? null : mb_substr( $value, 0, 200 );
	}
	return null;
}

/**
 * A link an element may follow: relative, a fragment, or http(s)/mailto; never javascript: or
 * data:, however it is spelled.
 *
 * @param string $value The link, entities already decoded.
 * @return string|null
 */
function portico_safe_href( $value ) {
	// Browsers drop tabs and line breaks inside a URL, and leading control characters and spaces.
	$value = preg_replace( '/[\x00-\x20\x7f]+/', '', $value );
	if ( '' === $value || strlen( $value ) > 2000 ) {
		return null;
	}
	if ( preg_match( '/^([^\/?#]*?):/', $value, $scheme ) ) {
		return in_array( strtolower( $scheme[1] ), array( 'http', 'https', 'mailto' ), true ) ? $value : null;
	}
	return $value;
}

/**
 * Decodes HTML entities until none are left, so what is checked is what the browser will read
 * (esc_attr() keeps entities as they are).
 *
 * @param string $value A value from the post's content.
 * @return string|null Null for a value still holding entities after several rounds.
 */
function portico_decode_entities( $value ) {
	for ( $round = 0; $round < 4; $round++ ) {
		$decoded = html_entity_decode( $value, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		if ( $decoded === $value ) {
			return $value;
		}
		$value = $decoded;
	}
	return null;
}
